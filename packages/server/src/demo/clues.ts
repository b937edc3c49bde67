import type { Logger } from 'pino';
import { inArray } from 'drizzle-orm';
import { actorOf, findUserByUsername, listRegions, schema, upsertPublication, type Executor } from '@rectify/db';
import { DEFAULT_CLUE_REJECT_REASONS, type ClueCommand, type PublicReporter } from '@rectify/domain';
import type { Config } from '../config.ts';
import { receiveClue, type IntakeChannel } from '../features/clues/intake.ts';
import { applyClueCommand } from '../features/clues/service.ts';

const DAY = 86_400_000;

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Typical messages (category, title, body); `{place}` is a real town. Some carry personal data, as real ones do. */
const TEXTS: [string, string, string][] = [
  [
    '城乡建设',
    '小区路灯长期不亮',
    '{place}某小区东门一排路灯坏了两个多月，晚上老人孩子出行很不安全，物业一直推说没有经费。',
  ],
  [
    '城乡建设',
    '老旧小区加装电梯审批慢',
    '我们{place}的老小区想加装电梯，材料交了三个月还没批下来，联系人：王建华，电话13857201234。',
  ],
  ['城乡建设', '雨后道路积水严重', '{place}主干道下雨就积水，排水管道堵塞，电动车经常熄火，希望尽快疏通。'],
  ['环境保护', '夜间工厂排放异味', '{place}附近工厂晚上排放刺鼻气味，窗户都不敢开，已经持续半个月了。'],
  ['环境保护', '河道垃圾无人清理', '{place}村口河道漂浮大量垃圾和水草，天热后气味难闻，请相关部门清理。'],
  ['交通运输', '公交班次太少', '{place}到市区的公交一小时才一班，上下班高峰挤不上车，希望增加班次。'],
  ['交通运输', '学校门口交通拥堵', '{place}小学门口上下学时段车辆乱停，交通拥堵，存在安全隐患。'],
  [
    '劳动和社会保障',
    '工资被拖欠',
    '我在{place}一家工地干活，老板拖欠工资四个月共三万多元，我叫李国强，手机13905721111。',
  ],
  ['劳动和社会保障', '社保转移手续繁琐', '从外省转社保到{place}，需要来回跑好几趟，窗口说法还不一致。'],
  ['教育文体', '幼儿园入园难', '{place}新小区入住了很多年轻家庭，附近只有一所公办幼儿园，名额远远不够。'],
  ['卫生计生', '社区卫生服务中心缺医生', '{place}社区卫生服务中心只有两个医生，老人看病排队要一上午。'],
  ['商贸旅游', '景区周边停车乱收费', '{place}景区周边私人停车场乱收费，一次收五十元，也不开发票。'],
  ['城乡建设', '农村饮水水压不足', '{place}村里自来水水压不足，早晚用水高峰经常停水，住三楼的根本用不上水。'],
  ['环境保护', '建筑工地夜间施工噪音', '{place}一处工地晚上十一点后还在施工，噪音很大，严重影响休息。'],
];

/** Where each demo clue's story ends, with how many end there (≈ 300 in all). */
const ENDINGS: [string, number][] = [
  ['received', 40],
  ['received_held', 6],
  ['triaged', 34],
  ['accepted', 40],
  ['merged', 20],
  ['forwarded', 20],
  ['rejected', 20],
  ['replied', 70],
  ['rated', 50],
];
const CHANNELS: IntakeChannel[] = ['portal', 'portal', 'portal', 'hotline', 'hotline', 'open311', 'platform', 'member'];
const REPLIES = [
  '您反映的问题已转交相关部门，已列入整改计划，预计本月底前完成，感谢您的监督。',
  '经核实，相关设施已修复，后续将加强日常巡查。',
  '已约谈有关单位负责人，督促限期整改，整改情况将在门户公开。',
];
const RATINGS = ['satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'] as const;

/**
 * ≈ 300 clues over the last eight months, from every channel, run through the clue machine at past times so the
 * triage queue has every state, some linked to the demo problems (which are then published with their measures,
 * progress and results), some replied and rated, a few held for moderation.
 */
export async function seedDemoClues(db: Executor, config: Config, log: Logger): Promise<void> {
  const started = performance.now();
  const rand = prng(20261129);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const staff = await actorOf(db, (await findUserByUsername(db, 'cppcc_staff'))!);
  const staffActor = { userId: staff.userId, username: staff.username };
  const counties = await listRegions(db, { parent: '330500' });
  const towns = (await Promise.all(counties.map((c) => listRegions(db, { parent: c.code })))).flat();
  if (towns.length === 0) return;
  const problems = await db
    .select()
    .from(schema.problems)
    .where(
      inArray(schema.problems.state, [
        'listed',
        'assigned',
        'plan_review',
        'rectifying',
        'closure_review',
        'verifying',
        'closed',
      ]),
    );
  const linked = new Set<string>();
  const now = Date.now();
  let made = 0;
  let previous: string | undefined;

  for (const [ending, count] of ENDINGS) {
    for (let i = 0; i < count; i++) {
      const [category, title, body] = pick(TEXTS);
      const town = pick(towns);
      let t = now - Math.floor(rand() * 240 + 1) * DAY + Math.floor(rand() * 10 * 3600_000);
      if (ending === 'received' || ending === 'received_held') t = now - Math.floor(rand() * 6 * 24 + 1) * 3600_000;
      const { row } = await receiveClue(db, config, {
        channel: pick(CHANNELS),
        regionCode: town.code,
        title,
        body: body.replace('{place}', town.name),
        category: rand() < 0.5 ? category : undefined,
        contact:
          rand() < 0.6 ? { name: '张*', phone: `138${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` } : undefined,
        anonymous: rand() < 0.2,
        receivedAt: new Date(t),
        moderation: ending === 'received_held' ? { status: 'held', reason: 'duplicate_flood' } : undefined,
      });
      made++;
      let current = row;
      const step = async (command: ClueCommand, principal = staff as PublicReporter | typeof staff) => {
        t = Math.min(t + Math.floor((0.2 + rand() * 3) * DAY), now - 60_000);
        current = (
          await applyClueCommand(
            db,
            config,
            current,
            command,
            principal,
            principal === staff ? staffActor : { userId: null, username: 'public' },
            new Date(t),
          )
        ).row;
      };
      if (ending.startsWith('received')) continue;
      await step({ type: 'triage', input: { category } });
      if (ending === 'triaged') {
        previous = current.id;
        continue;
      }
      const outcome =
        ending === 'replied' || ending === 'rated' ? pick(['accepted', 'accepted', 'forwarded', 'rejected']) : ending;
      if (outcome === 'accepted' && problems.length > 0) {
        const problem = pick(problems);
        linked.add(problem.id);
        await step({ type: 'accept', input: { problemId: problem.id, createProblem: false } });
      } else if (outcome === 'merged' && previous) {
        await step({ type: 'merge', input: { intoClueId: previous } });
      } else if (outcome === 'forwarded' || outcome === 'accepted' || outcome === 'merged') {
        await step({
          type: 'forward',
          input: {
            to: pick(['湖州市信访局', '湖州市中级人民法院', '所在县区人民政府']),
            note: '该事项依法应由其办理，已转交并请其答复。',
          },
        });
      } else {
        await step({ type: 'reject', input: { reason: pick(DEFAULT_CLUE_REJECT_REASONS) } });
      }
      if (ending === 'replied' || ending === 'rated') await step({ type: 'reply', input: { text: pick(REPLIES) } });
      if (ending === 'rated') {
        const reporter: PublicReporter = { kind: 'public', reporterKey: `clue:${current.id}`, clueIds: [current.id] };
        await step(
          { type: 'rate', input: { value: pick(RATINGS), comment: rand() < 0.5 ? '处理及时，谢谢。' : undefined } },
          reporter,
        );
      }
      if (current.state !== 'merged') previous = current.id;
    }
  }

  // Staff publish the problems the public asked about, with their measures, progress and results.
  for (const id of linked) {
    const p = problems.find((x) => x.id === id)!;
    await upsertPublication(db, {
      problemId: p.id,
      regionCode: p.regionCode,
      published: true,
      measures: true,
      progress: true,
      result: true,
      publishedBy: staff.userId,
    });
  }
  log.info(
    { clues: made, publishedProblems: linked.size, ms: Math.round(performance.now() - started) },
    'seeded demo clues',
  );
}
