import type { Locale } from '../../i18n/translate.ts';
import type { PortalKey, PortalT } from '../i18n.ts';

const CLUE_STATES = ['received', 'triaged', 'accepted', 'merged', 'forwarded', 'rejected', 'replied', 'rated'];
const PROBLEM_STATES = [
  'listed',
  'assigned',
  'disputed',
  'plan_review',
  'rectifying',
  'closure_review',
  'verifying',
  'closed',
];

/**
 * State names: the server's Chinese label as it is (it may say more, e.g. 审核中 for a held report); in English the
 * portal's own words for the known states.
 */
export function problemStateLabel(p: { state: string; stateLabel: string }, locale: Locale, t: PortalT): string {
  if (locale === 'zh-CN' || !PROBLEM_STATES.includes(p.state)) return p.stateLabel;
  return t(`problemState.${p.state}` as PortalKey);
}

export function clueStateLabel(c: { state: string; stateLabel: string }, locale: Locale, t: PortalT): string {
  if (locale === 'zh-CN' || !CLUE_STATES.includes(c.state)) return c.stateLabel;
  return t(`clueState.${c.state}` as PortalKey);
}
