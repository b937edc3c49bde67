import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  appendEvent,
  campaignCounts,
  findScheme,
  insertCampaign,
  insertScheme,
  latestSchemeVersion,
  scoresOf,
  type CampaignRow,
  type Executor,
  type SchemeRow,
} from '@rectify/db';
import {
  aggregateScores,
  AppError,
  validateScheme,
  type Actor,
  type CampaignSnapshot,
  type createCampaignBody,
  type IndicatorNode,
  type IndicatorSchemeBody,
  type ScoreSource,
  type SourceWeights,
} from '@rectify/domain';

/** Stores a new scheme (or a new version of one), refusing it with every problem listed when it does not add up. */
export async function saveScheme(
  db: Executor,
  actor: Actor,
  body: IndicatorSchemeBody,
  regionCode: string,
  familyId: string | null,
): Promise<SchemeRow> {
  const issues = validateScheme(body);
  if (issues.length > 0) {
    throw new AppError(422, 'invalid_scheme', `指标体系有 ${issues.length} 处问题：${issues[0]!.message}`, issues);
  }
  const family = familyId ?? randomUUID();
  const version = (await latestSchemeVersion(db, family)) + 1;
  return db.transaction(async (tx) => {
    const row = await insertScheme(tx, {
      familyId: family,
      version,
      name: body.name,
      indicators: body.indicators,
      regionCode,
      createdBy: actor.userId,
    });
    await appendEvent(tx, {
      actorUserId: actor.userId,
      actorUsername: actor.username,
      type: version === 1 ? 'scheme.created' : 'scheme.versioned',
      subjectType: 'scheme',
      subjectId: row.id,
      regionCode,
      payload: { name: body.name, familyId: family, version },
    });
    return row;
  });
}

export async function createCampaign(
  db: Executor,
  actor: Actor,
  body: z.infer<typeof createCampaignBody>,
): Promise<CampaignRow> {
  if (body.schemeId && !(await findScheme(db, body.schemeId))) throw new AppError(404, 'not_found', '指标体系不存在');
  return db.transaction(async (tx) => {
    const row = await insertCampaign(tx, {
      ...body,
      sourceWeights: body.sourceWeights ?? null,
      phase: 'planning',
      phaseChangedAt: new Date(),
    });
    await appendEvent(tx, {
      actorUserId: actor.userId,
      actorUsername: actor.username,
      type: 'campaign.created',
      subjectType: 'campaign',
      subjectId: row.id,
      regionCode: row.regionCode,
      payload: { title: row.title, topic: row.topic, year: row.year },
    });
    return row;
  });
}

/** What the campaign's phase guards read, assembled from the campaign and its related rows. */
export async function campaignSnapshot(db: Executor, row: CampaignRow): Promise<CampaignSnapshot> {
  const scheme = row.schemeId ? await findScheme(db, row.schemeId) : undefined;
  const counts = await campaignCounts(db, row.id);
  return {
    id: row.id,
    regionCode: row.regionCode,
    phase: row.phase as CampaignSnapshot['phase'],
    scheme: scheme
      ? { id: scheme.id, name: scheme.name, version: scheme.version, indicators: scheme.indicators as IndicatorNode[] }
      : null,
    targetUnitIds: row.targetUnitIds,
    researchRecords: counts.researchRecords,
    scoredUnitIds: counts.scoredUnitIds,
    draftProblems: counts.draftProblems,
    openProblems: counts.openProblems,
    lookbacksDue: 0,
    phaseChangedAt: row.phaseChangedAt,
  };
}

/** The score source a rater's role stands for: members and evaluators rate as themselves, staff enter survey data. */
export function scoreSourceOf(actor: Actor, requested: ScoreSource): ScoreSource {
  const roles = new Set(actor.grants.map((g) => g.role));
  const allowed: Record<ScoreSource, boolean> = {
    member: roles.has('member'),
    evaluator: roles.has('evaluator'),
    public: roles.has('cppcc_staff'),
  };
  if (!allowed[requested]) {
    throw new AppError(
      403,
      'forbidden',
      requested === 'public' ? '群众测评结果由评议办录入' : `您的角色不能以“${requested}”来源评分`,
    );
  }
  return requested;
}

export async function campaignResults(db: Executor, row: CampaignRow) {
  const scheme = row.schemeId ? await findScheme(db, row.schemeId) : undefined;
  if (!scheme) throw new AppError(409, 'conflict', '该评议活动尚未选定指标体系');
  const rows = await scoresOf(db, row.id);
  const result = aggregateScores(
    { indicators: scheme.indicators as IndicatorNode[] },
    rows.map((r) => ({
      unitId: r.unitId,
      indicatorKey: r.indicatorKey,
      source: r.source as ScoreSource,
      value: r.value,
    })),
    { sourceWeights: (row.sourceWeights as Partial<SourceWeights> | null) ?? undefined, unitIds: row.targetUnitIds },
  );
  return { scheme, ...result };
}
