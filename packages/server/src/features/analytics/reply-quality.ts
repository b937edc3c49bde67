import {
  insertReplyAssessment,
  latestReplyAssessments,
  replyAssessmentsOfEvents,
  snapshotFromJson,
  type Executor,
  type ProblemRow,
  type ReplyAssessmentRow,
  type Scope,
} from '@rectify/db';
import { DEFAULT_WARNING_OPTIONS } from '@rectify/domain';
import type { ReplyQualityView } from '@rectify/domain/schemas/analytics';
import { assessReply, type ReplyInput } from '@rectify/nlp';

/** Where an assessed reply was recorded: its event and the clue or problem it answers. */
export interface ReplyTarget {
  eventId: number;
  subjectType: 'clue' | 'problem';
  subjectId: string;
  regionCode: string;
  unitId: string | null;
}

/**
 * Assesses a reply (relevance to the message, completeness, timeliness) and stores the result with the model version,
 * in the transaction that stores the reply. Stored once per event.
 */
export async function storeReplyQuality(
  tx: Executor,
  target: ReplyTarget,
  input: ReplyInput,
  dueDays?: number,
): Promise<ReplyAssessmentRow | undefined> {
  const q = assessReply(input, dueDays === undefined ? {} : { dueDays });
  return insertReplyAssessment(tx, {
    ...target,
    relevance: q.relevance,
    completeness: q.completeness,
    days: q.days,
    timeliness: q.timeliness,
    citesMeasure: q.citesMeasure,
    citesPolicy: q.citesPolicy,
    parts: q.parts,
    score: q.score,
    grade: q.grade,
    modelVersion: q.version,
  });
}

/**
 * A progress report answers the problem as assigned; it is due `progressCadenceDays` after the previous report (or the
 * assignment), so timeliness is measured from there.
 */
export async function storeProgressQuality(
  tx: Executor,
  before: ProblemRow,
  after: ProblemRow,
  report: { done: string; nextSteps: string },
  eventId: number,
  now: Date,
): Promise<void> {
  const s = snapshotFromJson(before.snapshot);
  await storeReplyQuality(
    tx,
    { eventId, subjectType: 'problem', subjectId: after.id, regionCode: after.regionCode, unitId: after.leadUnitId },
    {
      subject: before.title,
      body: before.description,
      time: s.lastProgressAt ?? s.assignment?.assignedAt ?? before.createdAt,
      reply: `${report.done}\n${report.nextSteps}`,
      replyTime: now,
    },
    DEFAULT_WARNING_OPTIONS.progressCadenceDays,
  );
}

export function presentReplyQuality(row: ReplyAssessmentRow): ReplyQualityView {
  return {
    relevance: row.relevance,
    completeness: row.completeness,
    days: row.days,
    timeliness: row.timeliness,
    citesMeasure: row.citesMeasure,
    citesPolicy: row.citesPolicy,
    parts: row.parts,
    score: row.score,
    grade: row.grade as ReplyQualityView['grade'],
    modelVersion: row.modelVersion,
  };
}

/** The quality of each clue's reply in force, by clue id (clues without a reply are absent). */
export async function clueReplyQualities(
  db: Executor,
  scope: Scope,
  clueIds: string[],
): Promise<Map<string, ReplyQualityView>> {
  const rows = await latestReplyAssessments(db, scope, 'clue', clueIds);
  return new Map([...rows].map(([id, row]) => [id, presentReplyQuality(row)]));
}

/** The quality of each assessed reply or progress report among these events, by event id. */
export async function eventReplyQualities(
  db: Executor,
  scope: Scope,
  eventIds: number[],
): Promise<Map<number, ReplyQualityView>> {
  const rows = await replyAssessmentsOfEvents(db, scope, eventIds);
  return new Map([...rows].map(([id, row]) => [id, presentReplyQuality(row)]));
}
