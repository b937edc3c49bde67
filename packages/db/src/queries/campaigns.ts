import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { campaigns, campaignScores, indicatorSchemes, problems, researchRecords } from '../schema/index.ts';
import { registerScopedTable, type Scope } from '../scope.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type SchemeRow = typeof indicatorSchemes.$inferSelect;

// A unit grant sees the campaigns that review its unit.
registerScopedTable(campaigns, {
  region: campaigns.regionCode,
  unit: (ids) =>
    sql`${campaigns.targetUnitIds} && ${sql.raw(`ARRAY[${ids.map((id) => `'${id.replace(/[^0-9a-f-]/gi, '')}'`).join(',')}]::uuid[]`)}` as SQL,
});
registerScopedTable(indicatorSchemes, { region: indicatorSchemes.regionCode });

export async function insertScheme(db: Executor, row: typeof indicatorSchemes.$inferInsert): Promise<SchemeRow> {
  const [created] = await db.insert(indicatorSchemes).values(row).returning();
  return created!;
}

/** Schemes are reference material shared across regions (so results stay comparable): readable by every caller. */
export async function findScheme(db: Executor, id: string): Promise<SchemeRow | undefined> {
  const [row] = await db.select().from(indicatorSchemes).where(eq(indicatorSchemes.id, id));
  return row;
}

export async function latestSchemeVersion(db: Executor, familyId: string): Promise<number> {
  const [row] = await db
    .select({ v: sql<number>`coalesce(max(${indicatorSchemes.version}), 0)::int` })
    .from(indicatorSchemes)
    .where(eq(indicatorSchemes.familyId, familyId));
  return Number(row?.v ?? 0);
}

export async function listSchemes(db: Executor): Promise<SchemeRow[]> {
  return db.select().from(indicatorSchemes).orderBy(asc(indicatorSchemes.name), desc(indicatorSchemes.version));
}

export async function insertCampaign(db: Executor, row: typeof campaigns.$inferInsert): Promise<CampaignRow> {
  const [created] = await db.insert(campaigns).values(row).returning();
  return created!;
}

export async function findCampaign(db: Executor, scope: Scope, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(scope.where(campaigns), eq(campaigns.id, id)));
  return row;
}

export async function listCampaigns(db: Executor, scope: Scope, page: { limit: number; offset: number }) {
  const where = scope.where(campaigns);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(campaigns)
      .where(where)
      .orderBy(desc(campaigns.year), desc(campaigns.createdAt))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(campaigns).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

export async function updateCampaign(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof campaigns.$inferInsert>,
) {
  const [row] = await db
    .update(campaigns)
    .set({ ...changes, version: sql`${campaigns.version} + 1` })
    .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning();
  return row;
}

/** The counts the campaign's phase guards read. */
export async function campaignCounts(db: Executor, id: string) {
  const [research] = await db.select({ n: count() }).from(researchRecords).where(eq(researchRecords.campaignId, id));
  const scored = await db
    .selectDistinct({ unitId: campaignScores.unitId })
    .from(campaignScores)
    .where(eq(campaignScores.campaignId, id));
  const [drafts] = await db
    .select({ n: count() })
    .from(problems)
    .where(and(eq(problems.campaignId, id), eq(problems.state, 'draft')));
  const [open] = await db
    .select({ n: count() })
    .from(problems)
    .where(
      and(
        eq(problems.campaignId, id),
        inArray(problems.state, ['assigned', 'disputed', 'plan_review', 'rectifying', 'closure_review', 'verifying']),
      ),
    );
  return {
    researchRecords: Number(research?.n ?? 0),
    scoredUnitIds: scored.map((s) => s.unitId),
    draftProblems: Number(drafts?.n ?? 0),
    openProblems: Number(open?.n ?? 0),
  };
}

/** Replaces one rater's scores of a campaign (a rater re-submits the whole sheet). */
export async function replaceScores(
  db: Executor,
  campaignId: string,
  raterId: string,
  source: string,
  regionCode: string,
  scores: { unitId: string; indicatorKey: string; value: number }[],
) {
  await db
    .delete(campaignScores)
    .where(
      and(
        eq(campaignScores.campaignId, campaignId),
        eq(campaignScores.raterId, raterId),
        eq(campaignScores.source, source),
      ),
    );
  if (scores.length > 0) {
    await db.insert(campaignScores).values(scores.map((s) => ({ ...s, campaignId, raterId, source, regionCode })));
  }
}

export async function scoresOf(db: Executor, campaignId: string) {
  return db.select().from(campaignScores).where(eq(campaignScores.campaignId, campaignId));
}

export async function insertResearch(db: Executor, row: typeof researchRecords.$inferInsert) {
  const [created] = await db.insert(researchRecords).values(row).returning();
  return created!;
}

export async function researchOf(db: Executor, campaignId: string) {
  return db
    .select()
    .from(researchRecords)
    .where(eq(researchRecords.campaignId, campaignId))
    .orderBy(desc(researchRecords.happenedOn));
}

export async function campaignsUsingScheme(db: Executor, scope: Scope, schemeId: string) {
  return db
    .select()
    .from(campaigns)
    .where(and(scope.where(campaigns), eq(campaigns.schemeId, schemeId)));
}
