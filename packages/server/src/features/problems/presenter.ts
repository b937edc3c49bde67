import { snapshotFromJson, type ProblemRow } from '@rectify/db';
import { allowedActions, problemFlags, SETTINGS_DEFAULTS, type Actor, type EffectiveSettings } from '@rectify/domain';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentProblem(p: ProblemRow) {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    category: p.category,
    severity: p.severity,
    source: p.source,
    regionCode: p.regionCode,
    campaignId: p.campaignId,
    state: p.state as never,
    leadUnitId: p.leadUnitId,
    coUnitIds: p.coUnitIds,
    deadline: p.deadline,
    assignedAt: iso(p.assignedAt),
    closedAt: iso(p.closedAt),
    outcome: p.outcome,
    warning: p.warning as 'green' | 'yellow' | 'red' | null,
    overdueDays: p.overdueDays,
    escalation: p.escalation,
    reopened: p.reopened,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
  };
}

/**
 * The problem with its snapshot, its derived flags now, and the commands this caller may fire now, under the
 * settings of the problem's region (dispute window, extensions, progress cadence).
 */
export function presentProblemDetail(
  p: ProblemRow,
  actor: Actor,
  settings: Pick<EffectiveSettings, 'disputeWindowDays' | 'maxExtensions' | 'progressCadenceDays'> = SETTINGS_DEFAULTS,
  now = new Date(),
) {
  const snapshot = snapshotFromJson(p.snapshot);
  return {
    ...presentProblem(p),
    snapshot: p.snapshot as Record<string, unknown>,
    flags: problemFlags(snapshot, now, warningOptions(settings)) as unknown as Record<string, unknown>,
    allowedActions: allowedActions(snapshot, actor, now, machineOptions(settings)),
  };
}

/** The state machine's options from a region's settings. */
export const machineOptions = (s: Pick<EffectiveSettings, 'disputeWindowDays' | 'maxExtensions'>) => ({
  disputeWindowDays: s.disputeWindowDays,
  maxExtensions: s.maxExtensions,
});

/** The warning lights' options from a region's settings. */
export const warningOptions = (s: Pick<EffectiveSettings, 'progressCadenceDays'>) => ({
  progressCadenceDays: s.progressCadenceDays,
});
