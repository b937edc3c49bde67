import { eq } from 'drizzle-orm';
import {
  eventsOfSubject,
  schema,
  Scope,
  type Executor,
  type ProblemPublicationRow,
  type ProblemRow,
  type TrackedClue,
} from '@rectify/db';
import { CLUE_STATE_LABELS, PROBLEM_STATE_LABELS, type ClueState, type ProblemState } from '@rectify/domain';
import type { PublicProblemSummary, PublicProblemView } from '@rectify/domain/schemas/clues';
import { maskPersonalData } from '@rectify/nlp';
import { formatTrackingCode } from '../clues/tracking-code.ts';

/** Every free text that leaves through a public surface goes through here. */
export const mask = (text: string | null | undefined): string | null =>
  text === null || text === undefined ? null : maskPersonalData(text);

const RATING_LABELS: Record<string, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};
const OUTCOME_LABELS: Record<string, string> = {
  resolved: '已解决',
  partly_resolved: '部分解决',
  long_term: '纳入长期整改',
};

type Payload = { input?: Record<string, unknown>; [k: string]: unknown };
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * What the reporter sees of each step: a fixed sentence per event type plus the text meant for them (the reply, the
 * rejection reason, the body it was forwarded to). Internal notes and who did it are not shown; text is masked.
 */
function clueStep(type: string, payload: Payload): { label: string; text: string | null } | null {
  const input = payload.input ?? {};
  switch (type) {
    case 'clue.received':
      return { label: '已收到您的反映', text: payload.moderation === 'ok' ? null : '内容正在审核中' };
    case 'clue.moderated':
      return payload.to === 'ok' ? { label: '审核通过', text: null } : { label: '审核未通过', text: null };
    case 'clue.triaged':
      return { label: '已分拣', text: str(input.category) ? `分类：${str(input.category)}` : null };
    case 'clue.accepted':
      return { label: '已受理', text: '已列入问题清单，交有关单位整改' };
    case 'clue.merged':
      return { label: '已合并办理', text: '与其他群众反映的相同问题合并办理' };
    case 'clue.forwarded':
      return { label: '已转办', text: `已转交${str(input.to)}办理${input.note ? `：${str(input.note)}` : ''}` };
    case 'clue.rejected':
      return { label: '不予受理', text: `理由：${str(input.reason)}` };
    case 'clue.replied':
      return { label: '已答复', text: str(input.text) };
    case 'clue.rated':
      return { label: '已评价', text: RATING_LABELS[str(input.value)] ?? null };
    default:
      return null;
  }
}

export async function publicClueSteps(db: Executor, clueId: string) {
  return stepsOf(await eventsOfSubject(db, Scope.system(), 'clue', clueId));
}

export function stepsOf(events: readonly { at: Date; type: string; payload: unknown }[]) {
  return events.flatMap((e) => {
    const step = clueStep(e.type, e.payload as Payload);
    return step ? [{ at: e.at.toISOString(), label: step.label, text: mask(step.text) }] : [];
  });
}

async function unitName(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [u] = await db.select({ name: schema.units.name }).from(schema.units).where(eq(schema.units.id, id));
  return u?.name ?? null;
}

/**
 * The events of a published problem whose content the public sees, by what staff chose to publish: the approved plan
 * (measures), every progress report (progress), the on-site verification of a closed problem (result). The one rule
 * for the portal's pages and the public proofs that these events are in the transparency log.
 */
export function publicProblemEvents<E extends { type: string }>(
  p: Pick<ProblemRow, 'state'>,
  pub: Pick<ProblemPublicationRow, 'measures' | 'progress' | 'result'>,
  events: readonly E[],
): { plan: E | undefined; progress: E[]; verified: E | undefined } {
  const approved = events.findLastIndex((e) => e.type === 'problem.plan_approved');
  return {
    plan: pub.measures ? events.slice(0, approved + 1).findLast((e) => e.type === 'problem.plan_submitted') : undefined,
    progress: pub.progress ? events.filter((e) => e.type === 'problem.progress_reported') : [],
    verified: pub.result && p.state === 'closed' ? events.findLast((e) => e.type === 'problem.verified') : undefined,
  };
}

/** A published problem: only the parts staff chose to publish, with personal data masked. */
export async function presentPublicProblem(
  db: Executor,
  p: ProblemRow,
  pub: ProblemPublicationRow,
): Promise<PublicProblemView>;
/** The same without the published details, for lists and feeds. */
export async function presentPublicProblem(
  db: Executor,
  p: ProblemRow,
  pub: ProblemPublicationRow,
  full: false,
): Promise<PublicProblemSummary>;
export async function presentPublicProblem(
  db: Executor,
  p: ProblemRow,
  pub: ProblemPublicationRow,
  full = true,
): Promise<PublicProblemSummary | PublicProblemView> {
  const base: PublicProblemSummary = {
    id: p.id,
    title: mask(p.title)!,
    description: mask(p.description)!,
    category: p.category,
    regionCode: p.regionCode,
    state: p.state,
    stateLabel: PROBLEM_STATE_LABELS[p.state as ProblemState] ?? p.state,
    leadUnit: await unitName(db, p.leadUnitId),
    deadline: p.deadline,
    closedAt: p.closedAt?.toISOString() ?? null,
    publishedAt: pub.publishedAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
  if (!full) return base;
  const events = await eventsOfSubject(db, Scope.system(), 'problem', p.id);
  const shown = publicProblemEvents(p, pub, events);
  const input = (e: (typeof events)[number]) => ((e.payload as Payload).input ?? {}) as Record<string, unknown>;
  let measures: { text: string; due: string }[] | undefined;
  if (pub.measures) {
    const list = (shown.plan ? input(shown.plan).measures : []) as { text: string; due: string }[] | undefined;
    measures = (list ?? []).map((m) => ({ text: mask(m.text)!, due: m.due }));
  }
  const progress = pub.progress
    ? shown.progress.map((e) => ({
        at: e.at.toISOString(),
        period: str(input(e).period),
        percent: Number(input(e).percent ?? 0),
        done: mask(str(input(e).done))!,
        nextSteps: mask(str(input(e).nextSteps))!,
      }))
    : undefined;
  let result:
    { outcome: string | null; outcomeLabel: string | null; closedAt: string | null; notes: string | null } | undefined;
  if (pub.result && p.state === 'closed') {
    const verified = shown.verified;
    result = {
      outcome: p.outcome,
      outcomeLabel: p.outcome ? (OUTCOME_LABELS[p.outcome] ?? p.outcome) : null,
      closedAt: p.closedAt?.toISOString() ?? null,
      notes: verified ? mask(str(input(verified).notes)) : null,
    };
  }
  return { ...base, measures: measures ?? null, progress: progress ?? null, result: result ?? null };
}

/** The reporter's view of a clue: masked text, the published steps, and the problem it became if published. */
export async function presentTrackedClue(
  db: Executor,
  clue: TrackedClue,
  problem: { row: ProblemRow; publication: ProblemPublicationRow } | undefined,
  events?: readonly { at: Date; type: string; payload: unknown }[],
) {
  const held = clue.moderation !== 'ok';
  return {
    trackingCode: formatTrackingCode(clue.trackingCode),
    title: mask(clue.title)!,
    body: mask(clue.body)!,
    category: clue.category,
    regionCode: clue.regionCode,
    channel: clue.channel,
    state: held && clue.state === 'received' ? 'received' : clue.state,
    stateLabel: held ? '审核中' : CLUE_STATE_LABELS[clue.state as ClueState],
    receivedAt: clue.receivedAt.toISOString(),
    steps: events ? stepsOf(events) : await publicClueSteps(db, clue.id),
    canRate: clue.state === 'replied',
    rating: clue.rating ? { value: clue.rating, label: RATING_LABELS[clue.rating] ?? clue.rating } : null,
    problem: problem ? await presentPublicProblem(db, problem.row, problem.publication) : null,
  };
}
