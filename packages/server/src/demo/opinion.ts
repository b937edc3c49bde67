import type { Logger } from 'pino';
import { and, eq } from 'drizzle-orm';
import { actorOf, findUserByUsername, listRegions, schema, Scope, type ClueRow, type Executor } from '@rectify/db';
import type { ClueCommand, PublicReporter } from '@rectify/domain';
import type { Config } from '../config.ts';
import { receiveClue } from '../features/clues/intake.ts';
import { applyClueCommand } from '../features/clues/service.ts';
import { createProblem } from '../features/problems/service.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** One town's water cut, reported by six villagers; `{place}` is the town. */
const REPORTS: [string, string][] = [
  ['供水管道爆裂停水三天', '{place}供水管道爆裂，自来水停水三天了，一直没人抢修。'],
  ['停水三天供水管道没人抢修', '{place}自来水停水三天，供水管道爆裂后一直没看到抢修。'],
  ['供水管道爆裂停水没有送水车', '{place}供水管道爆裂停水三天，没有安排送水车，喝水成问题。'],
  ['供水管道抢修太慢', '{place}供水管道爆裂后抢修太慢，自来水停水三天。'],
  ['停水三天饮水困难', '{place}自来水停水三天，供水管道还没抢修好，饮水困难。'],
  ['停水后自来水发黄', '{place}供水管道抢修后自来水发黄，停水三天后水质还是不行。'],
];
const REPLY = '已收到，正在处理。';
const COMMENTS = [
  '答复敷衍，到现在还是停水。',
  '问题根本没有解决，太失望了。',
  undefined,
  '处理太慢，态度很差，不满意。',
  '只回了一句正在处理，没有任何结果。',
  '水还是黄的，问题没有解决。',
];

/**
 * A plausible 舆情 episode for the demo: yesterday six villagers of one town rated the water authority's one-line
 * replies 不满意 — the opinion-alert job raises an alert on the unit, and the cluster is a hot topic of the county.
 */
export async function seedDemoOpinion(db: Executor, config: Config, log: Logger): Promise<void> {
  const [unit] = await db.select().from(schema.units).where(and(eq(schema.units.name, '湖州市水利局')));
  const staffUser = await findUserByUsername(db, 'cppcc_staff');
  const county = (await listRegions(db, { parent: '330500' }))[0];
  const town = county ? (await listRegions(db, { parent: county.code }))[0] : undefined;
  if (!unit || !staffUser || !town) return;
  const staff = await actorOf(db, staffUser);
  const staffActor = { userId: staff.userId, username: staff.username };
  const now = Date.now();
  const yesterday = Math.floor(now / DAY) * DAY - DAY;
  let problemId: string | undefined;

  for (const [i, [title, body]] of REPORTS.entries()) {
    let t = now - 3 * DAY + i * 3 * HOUR;
    const { row } = await receiveClue(db, config, {
      channel: 'portal',
      regionCode: town.code,
      title,
      body: body.replace('{place}', town.name),
      category: '城乡建设',
      reporterKey: `demo-villager-${i}`,
      receivedAt: new Date(t),
    });
    let current: ClueRow = row;
    const step = async (command: ClueCommand, at: number, principal: PublicReporter | typeof staff = staff) => {
      current = (
        await applyClueCommand(
          db,
          config,
          current,
          command,
          principal,
          principal === staff ? staffActor : { userId: null, username: 'public' },
          new Date(at),
          {
            createProblemFor: async (clue) =>
              (
                await createProblem(db, Scope.system(), staff, {
                  title: `${town.name}集中停水`,
                  description: `${town.name}供水管道爆裂后整村停水多日，村民集中反映。`,
                  category: clue.category ?? undefined,
                  severity: 'important',
                  source: 'clue',
                  regionCode: town.code,
                })
              ).id,
          },
        )
      ).row;
    };
    t += HOUR;
    await step({ type: 'triage', input: { category: '城乡建设', handlingUnitId: unit.id } }, t);
    await step({ type: 'accept', input: { problemId, createProblem: problemId === undefined } }, t + HOUR);
    problemId ??= current.problemId ?? undefined;
    const repliedAt = yesterday + (2 + i) * HOUR;
    await step({ type: 'reply', input: { text: REPLY } }, repliedAt);
    const reporter: PublicReporter = { kind: 'public', reporterKey: `clue:${current.id}`, clueIds: [current.id] };
    const comment = COMMENTS[i];
    await step(
      { type: 'rate', input: { value: 'dissatisfied', ...(comment && { comment }) } },
      repliedAt + HOUR,
      reporter,
    );
  }
  log.info({ clues: REPORTS.length, unit: unit.name, town: town.name }, 'seeded demo opinion episode');
}
