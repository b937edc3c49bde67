import type { MessageKey } from '../../../../locales/zh-CN/index.ts';
import type { T } from '../../../i18n.tsx';
import type { ProblemEvent } from '../service.ts';

/** Unit names by id, loaded by the page before it writes sentences (ids stay ids when out of scope). */
export type UnitNames = ReadonlyMap<string, string>;

type Payload = {
  input?: Record<string, unknown>;
  [key: string]: unknown;
};

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/**
 * One readable sentence per event, in the UI language: who did what, with the inputs that matter (not raw JSON).
 * Event types this page does not know are still shown, by their type name.
 */
export function eventSentence(event: ProblemEvent, t: T, units: UnitNames): string {
  const p = (event.payload ?? {}) as Payload;
  const input = p.input ?? {};
  const actor = event.actorUsername ?? t('problem.event.system');
  const none = t('problem.event.none');
  const unit = (id: unknown) => units.get(str(id)) ?? str(id);
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => t(key, { actor, ...params });
  const join = (sentence: string, more: string) => (more ? t('problem.event.join', { sentence, more }) : sentence);
  const withComments = (sentence: string, comments = str(input.comments)) =>
    comments ? join(sentence, t('problem.event.comments', { comments })) : sentence;

  switch (event.type) {
    case 'problem.created':
      return say('problem.event.problem.created', { title: str(p.title) });
    case 'problem.confirmed':
      return withComments(say('problem.event.problem.confirmed'), str(input.note));
    case 'problem.rejected':
      return say('problem.event.problem.rejected', { reason: str(input.reason) });
    case 'problem.assigned': {
      const co = Array.isArray(input.coUnitIds) ? input.coUnitIds.map(unit).join(t('problem.separator')) : '';
      return say('problem.event.problem.assigned', {
        lead: unit(input.leadUnitId),
        co: co || none,
        leader: str(input.responsibleLeader),
        person: str(input.responsiblePerson),
        deadline: str(input.deadline),
      });
    }
    case 'problem.disputed':
      return say('problem.event.problem.disputed', { reason: str(input.reason) });
    case 'problem.dispute_decided':
      return say(
        input.decision === 'uphold'
          ? 'problem.event.problem.dispute_decided.uphold'
          : 'problem.event.problem.dispute_decided.dismiss',
        { reason: str(input.reason) },
      );
    case 'problem.plan_submitted':
      return say('problem.event.problem.plan_submitted', {
        version: str(p.planVersion) || '?',
        count: Array.isArray(input.measures) ? input.measures.length : 0,
        deadline: str(input.deadline),
      });
    case 'problem.plan_approved':
      return withComments(say('problem.event.problem.plan_approved'));
    case 'problem.plan_returned':
      return say('problem.event.problem.plan_returned', { comments: str(input.comments) });
    case 'problem.progress_reported':
      return say('problem.event.problem.progress_reported', {
        period: str(input.period),
        percent: str(input.percent),
        done: str(input.done),
      });
    case 'problem.extension_requested':
      return say('problem.event.problem.extension_requested', {
        date: str(input.requestedDeadline),
        reason: str(input.reason),
      });
    case 'problem.extension_decided':
      return withComments(
        input.decision === 'approve'
          ? say('problem.event.problem.extension_decided.approve', { date: str(p.grantedDeadline) })
          : say('problem.event.problem.extension_decided.deny'),
      );
    case 'problem.urged':
      return say('problem.event.problem.urged', { note: str(input.note) });
    case 'problem.supervised':
      return say('problem.event.problem.supervised', { note: str(input.note) });
    case 'problem.supervision_listed':
      return say('problem.event.problem.supervision_listed', { note: str(input.note) });
    case 'problem.instructed':
      return say('problem.event.problem.instructed', { text: str(input.text) });
    case 'problem.closure_requested':
      return say('problem.event.problem.closure_requested', {
        outcome: outcomeLabel(input.proposedOutcome, t),
        summary: str(input.summary),
      });
    case 'problem.closure_accepted':
      return withComments(say('problem.event.problem.closure_accepted'));
    case 'problem.closure_returned':
      return say('problem.event.problem.closure_returned', { comments: str(input.comments) });
    case 'problem.verified':
      return say('problem.event.problem.verified', {
        outcome: outcomeLabel(input.outcome, t),
        notes: str(input.notes),
      });
    case 'problem.verification_failed':
      return say('problem.event.problem.verification_failed', { notes: str(input.notes) });
    case 'problem.rated': {
      const sentence = say(p.redo === true ? 'problem.event.problem.rated.redo' : 'problem.event.problem.rated', {
        value: ratingLabel(input.value, t),
      });
      return join(sentence, str(input.comment));
    }
    case 'problem.looked_back':
      return input.result === 'rebounded'
        ? say('problem.event.problem.looked_back.rebounded', { deadline: str(input.deadline), notes: str(input.notes) })
        : say('problem.event.problem.looked_back.sustained', { notes: str(input.notes) });
    case 'problem.publication_set':
      return say(
        p.published ? 'problem.event.problem.publication_set.on' : 'problem.event.problem.publication_set.off',
      );
    case 'suggestion.made':
      return say('problem.event.suggestion.made', { text: str(p.text) });
    case 'suggestion.answered':
      return say('problem.event.suggestion.answered', { answer: answerLabel(p.answer, t) });
    case 'mechanism.linked':
      return say('problem.event.mechanism.linked', { title: str(p.title) });
    case 'case.created':
      return say('problem.event.case.created', { title: str(p.title) });
    default:
      return say('problem.event.unknown', { type: event.type });
  }
}

const OUTCOMES = ['resolved', 'partly_resolved', 'long_term'] as const;
const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
const ANSWERS = ['adopted', 'partly_adopted', 'not_adopted'] as const;

function outcomeLabel(v: unknown, t: T): string {
  return OUTCOMES.includes(v as never) ? t(`problem.outcome.${v as (typeof OUTCOMES)[number]}`) : str(v);
}

function ratingLabel(v: unknown, t: T): string {
  return RATINGS.includes(v as never) ? t(`problem.rating.${v as (typeof RATINGS)[number]}`) : str(v);
}

function answerLabel(v: unknown, t: T): string {
  return ANSWERS.includes(v as never) ? t(`problem.suggestion.answer.${v as (typeof ANSWERS)[number]}`) : str(v);
}

/** Ids of the units named by events (assignments), so the page can load their names once. */
export function unitIdsOfEvents(events: readonly ProblemEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) {
    const input = ((e.payload ?? {}) as Payload).input ?? {};
    if (typeof input.leadUnitId === 'string') ids.add(input.leadUnitId);
    if (typeof input.suggestedUnitId === 'string') ids.add(input.suggestedUnitId);
    if (Array.isArray(input.coUnitIds)) for (const id of input.coUnitIds) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}
