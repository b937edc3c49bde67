import type { Actor } from '../permissions/can.ts';
import { isInRegion } from '../regions.ts';
import { validateScheme, type IndicatorScheme } from './scheme.ts';

export const CAMPAIGN_PHASES = ['planning', 'research', 'scoring', 'rectification', 'lookback', 'archived'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export const CAMPAIGN_PHASE_LABELS: Record<CampaignPhase, string> = {
  planning: '筹备',
  research: '调研',
  scoring: '评议打分',
  rectification: '整改',
  lookback: '回头看',
  archived: '已归档',
};

/** What the phase guards read; counts come from the database. */
export interface CampaignSnapshot {
  id: string;
  regionCode: string;
  phase: CampaignPhase;
  scheme: IndicatorScheme | null;
  targetUnitIds: string[];
  researchRecords: number;
  /** Target units that have at least one score row. */
  scoredUnitIds: string[];
  /** Problems of the campaign still in `draft` (found but neither confirmed nor rejected). */
  draftProblems: number;
  /** Problems of the campaign in an open state (assigned … verifying). */
  openProblems: number;
  /** Look-backs scheduled for the campaign's closed problems and not yet done. */
  lookbacksDue: number;
  phaseChangedAt: Date | null;
}

export type CampaignDecision =
  | { ok: true; next: CampaignSnapshot; event: { type: 'campaign.phase_advanced'; payload: Record<string, unknown> } }
  | { ok: false; status: 403 | 409 | 422; code: string; message: string };

type PhaseGuard = (c: CampaignSnapshot) => string | null;

/** What must be true to leave a phase (the guard of the step into the next one). */
const EXIT_GUARDS: Record<Exclude<CampaignPhase, 'archived'>, PhaseGuard[]> = {
  planning: [
    (c) => (c.targetUnitIds.length === 0 ? '请先确定被评议单位' : null),
    (c) => (c.scheme === null ? '请先选定评议指标体系' : null),
    (c) => {
      const n = c.scheme ? validateScheme(c.scheme).length : 0;
      return n > 0 ? `评议指标体系有 ${n} 处错误，请先修正` : null;
    },
  ],
  research: [(c) => (c.researchRecords === 0 ? '尚无调研记录，不能进入评议打分' : null)],
  scoring: [
    (c) => {
      const missing = c.targetUnitIds.filter((u) => !c.scoredUnitIds.includes(u)).length;
      return missing > 0 ? `还有 ${missing} 个被评议单位没有评分` : null;
    },
  ],
  rectification: [(c) => (c.draftProblems > 0 ? `还有 ${c.draftProblems} 个问题待确认` : null)],
  lookback: [
    (c) => (c.openProblems > 0 ? `还有 ${c.openProblems} 个问题未销号` : null),
    (c) => (c.lookbacksDue > 0 ? `还有 ${c.lookbacksDue} 次回头看未完成` : null),
  ],
};

export function nextPhase(phase: CampaignPhase): CampaignPhase | null {
  return CAMPAIGN_PHASES[CAMPAIGN_PHASES.indexOf(phase) + 1] ?? null;
}

/**
 * Move a campaign to `to`, which must be the phase right after the current one (phases only go forward, one at
 * a time). Staff of a region containing the campaign's region may do it.
 */
export function advanceCampaignPhase(
  campaign: CampaignSnapshot,
  to: CampaignPhase,
  actor: Actor,
  now: Date,
): CampaignDecision {
  const expected = nextPhase(campaign.phase);
  if (to !== expected) {
    return {
      ok: false,
      status: 409,
      code: 'illegal_transition',
      message: expected
        ? `评议活动处于“${CAMPAIGN_PHASE_LABELS[campaign.phase]}”阶段，只能推进到“${CAMPAIGN_PHASE_LABELS[expected]}”`
        : '评议活动已归档，不能再变更阶段',
    };
  }
  const permitted = actor.grants.some(
    (g) => g.role === 'cppcc_staff' && g.regionCode !== null && isInRegion(campaign.regionCode, g.regionCode),
  );
  if (!permitted) return { ok: false, status: 403, code: 'forbidden', message: '您无权推进该评议活动的阶段' };
  const reasons = EXIT_GUARDS[campaign.phase as Exclude<CampaignPhase, 'archived'>].flatMap((g) => g(campaign) ?? []);
  if (reasons.length > 0) return { ok: false, status: 422, code: 'phase_guard_failed', message: reasons.join('；') };
  return {
    ok: true,
    next: { ...campaign, phase: to, phaseChangedAt: now },
    event: { type: 'campaign.phase_advanced', payload: { from: campaign.phase, to } },
  };
}
