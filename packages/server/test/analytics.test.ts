import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { eq, inArray } from 'drizzle-orm';
import { listRegions, schema, Scope } from '@rectify/db';
import { refreshHotTopics } from '../src/features/analytics/hot-topics.ts';
import { detectOpinionAlerts } from '../src/features/analytics/opinion.ts';
import { createUser } from '../src/features/users/service.ts';
import { opinionOptions } from '../src/jobs/analytics.ts';
import { as, DEMO_PASSWORD, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
let staff: ReturnType<typeof as>;
let member: ReturnType<typeof as>;
let liaison: ReturnType<typeof as>;
let county: ReturnType<typeof as>;
let townA: string;
let townB: string;
let housingBureau: string;

const ok = (res: LightMyRequestResponse, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

/** A public report from one device (the reporter's identity for distinct-reporter counts). */
async function report(device: string, regionCode: string, title: string, body: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/public/clues',
    headers: { 'x-device-id': device },
    payload: { title, body, regionCode },
  });
  return ok(res, 201);
}

/** A clue entered by staff, handed to the housing bureau, answered by its liaison: ready for the reporter's rating. */
async function repliedClue(title: string, body: string, reply: string) {
  let clue = ok(await staff('POST', '/api/clues', { title, body, regionCode: townB, channel: 'hotline' }), 201);
  const fire = async (who: typeof staff, command: string, input: unknown) => {
    clue = ok(await who('POST', `/api/clues/${clue.id}/commands/${command}`, { version: clue.version, input }));
  };
  await fire(staff, 'triage', { category: '城乡建设', handlingUnitId: housingBureau });
  await fire(staff, 'forward', { to: '湖州市住房和城乡建设局' });
  await fire(liaison, 'reply', { text: reply });
  return clue;
}

async function rate(clue: { trackingCode: string }, value: string, comment?: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/public/clues/${clue.trackingCode}/rating`,
    payload: { value, ...(comment && { comment }) },
  });
  ok(res);
}

const runAlertJob = () => detectOpinionAlerts(t.database.db, opinionOptions(t.config), t.config.analytics.windowDays);

beforeAll(async () => {
  t = await startTestPlatform({
    env: { RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '1000', RECTIFY_PUBLIC_READS_PER_MINUTE: '1000' },
  });
  const db = t.database.db;
  townA = (await listRegions(db, { parent: '330502' }))[0]!.code;
  townB = (await listRegions(db, { parent: '330503' }))[0]!.code;
  const [bureau] = await db.select().from(schema.units).where(eq(schema.units.name, '湖州市住房和城乡建设局'));
  housingBureau = bureau!.id;
  const [countyGov] = await db.select().from(schema.units).where(eq(schema.units.regionCode, '330502'));
  await createUser(
    db,
    Scope.system(),
    { userId: null, username: 'system' },
    {
      username: 'wuxing_staff',
      displayName: '吴兴区评议办',
      unitId: countyGov!.id,
      password: DEMO_PASSWORD,
      grants: [{ role: 'cppcc_staff', regionCode: '330502', unitId: null }],
    },
  );
  staff = as(t.app, await login(t.app, 'cppcc_staff'));
  member = as(t.app, await login(t.app, 'member'));
  liaison = as(t.app, await login(t.app, 'unit_liaison'));
  county = as(t.app, await login(t.app, 'wuxing_staff'));
});
afterAll(() => t.close());

describe('hot topics', () => {
  it('rank a cluster of similar complaints first, with its clue, reporter and town counts', async () => {
    // Neighbours of one building name the same place and fault, in their own words.
    const lift: [string, string, string][] = [
      ['device-d1', '阳光小区电梯故障停运', '阳光小区3号楼电梯故障停运一周，物业不维修，老人上下楼困难。'],
      ['device-d2', '阳光小区电梯故障没人修', '阳光小区电梯故障停运，物业不维修，老人出不了门。'],
      ['device-d3', '阳光小区电梯长期故障', '阳光小区电梯故障经常困人，物业维修不及时。'],
      ['device-d4', '阳光小区电梯停运', '阳光小区电梯故障停运好几天了，物业说没有维修资金。'],
      ['device-d1', '阳光小区电梯故障维修', '阳光小区电梯故障后物业一直不维修，希望尽快修好电梯。'],
    ];
    const others: [string, string, string][] = [
      ['device-d5', '菜市场垃圾清运不及时', '菜市场旁垃圾堆放多日无人清运，气味难闻，苍蝇很多。'],
      ['device-d6', '菜市场垃圾没人清运', '菜市场门口垃圾堆积好几天没人清运，天热气味难闻。'],
      // The rest of a month's reports: one of a kind each.
      ['device-b1', '公交班次太少', '到市区的公交一小时才一班，上下班高峰挤不上车。'],
      ['device-b2', '学校门口交通拥堵', '小学门口上下学时段车辆乱停，交通拥堵。'],
      ['device-b3', '夜间工厂排放异味', '附近工厂晚上排放刺鼻气味，窗户都不敢开。'],
      ['device-b4', '河道漂浮水草', '村口河道漂浮大量水草，天热后气味难闻。'],
      ['device-b5', '工资被拖欠', '在工地干活，老板拖欠工资四个月。'],
      ['device-b6', '社保转移手续繁琐', '从外省转社保需要来回跑好几趟，窗口说法不一致。'],
      ['device-b7', '幼儿园入园难', '新小区入住很多年轻家庭，附近公办幼儿园名额不够。'],
      ['device-b8', '卫生服务中心缺医生', '社区卫生服务中心只有两个医生，看病排队一上午。'],
      ['device-b9', '景区停车乱收费', '景区周边私人停车场乱收费，一次收五十元。'],
      ['device-b10', '饮水水压不足', '村里自来水水压不足，早晚高峰经常停水。'],
      ['device-b11', '工地夜间施工噪音', '工地晚上十一点后还在施工，噪音很大。'],
      ['device-b12', '路灯不亮', '东门一排路灯坏了两个多月，晚上出行不安全。'],
      ['device-b13', '道路积水', '主干道下雨就积水，排水管道堵塞。'],
      ['device-b14', '农贸市场占道经营', '农贸市场外面小贩占道经营，行人只能走机动车道。'],
      ['device-b15', '共享单车乱停放', '地铁口共享单车堆成山，盲道都被占了。'],
    ];
    for (const [device, title, body] of lift) await report(device, townA, title, body);
    for (const [device, title, body] of others) await report(device, townA, title, body);
    // Another county's clues stay out of this county's topics.
    await report('device-d9', townB, '阳光小区电梯故障', '阳光小区电梯故障停运三天，物业不维修。');

    const view = ok(await staff('GET', '/api/analytics/hot-topics?regionCode=330502'));
    expect(view.regionCode).toBe('330502');
    expect(view.windowDays).toBe(30);
    expect(view.computedAt).not.toBeNull();
    expect(view.modelVersion).toMatch(/topics/);
    const [first, second] = view.items;
    expect(first.rank).toBe(1);
    expect(first.keywords).toContain('电梯');
    expect(first.clueCount).toBe(5);
    expect(first.reporters).toBe(4);
    expect(first.towns).toBe(1);
    expect(first.clueIds).toHaveLength(5);
    expect(first.representatives.length).toBeGreaterThan(0);
    expect(first.heat).toBeGreaterThan(second.heat);
    expect(second.clueCount).toBe(2);
    expect(second.keywords).toContain('垃圾');
    const members = await t.database.db
      .select({ title: schema.clues.title })
      .from(schema.clues)
      .where(inArray(schema.clues.id, first.clueIds));
    expect(members.map((m) => m.title).sort()).toEqual(lift.map(([, title]) => title).sort());

    // The stored snapshot is served until the next run replaces it.
    const again = ok(await staff('GET', '/api/analytics/hot-topics?regionCode=330502&limit=1'));
    expect(again.computedAt).toBe(view.computedAt);
    expect(again.items).toHaveLength(1);

    // The job computes every county with clues and the city; the city's cluster spans both counties' reports.
    const summary = await refreshHotTopics(t.database.db, 30);
    expect(summary.regions).toBe(3);
    const city = ok(await staff('GET', '/api/analytics/hot-topics'));
    expect(city.regionCode).toBe('330500');
    expect(new Date(city.computedAt).getTime()).toBeGreaterThan(new Date(view.computedAt).getTime());
    expect(city.items[0].clueCount).toBe(6);
    expect(city.items[0].towns).toBe(2);
  });

  it('stay inside the caller’s scope', async () => {
    const own = ok(await county('GET', '/api/analytics/hot-topics'));
    expect(own.regionCode).toBe('330502');
    expect(own.items[0].clueCount).toBe(5);
    expectError(await county('GET', '/api/analytics/hot-topics?regionCode=330503'), 403);
    expectError(await county('GET', '/api/analytics/hot-topics?regionCode=330500'), 403);
    expectError(await liaison('GET', '/api/analytics/hot-topics'), 403);
    expectError(await staff('GET', '/api/analytics/hot-topics?regionCode=330599'), 404);
  });

  it('refuse bad parameters with a message', async () => {
    for (const q of ['windowDays=0', 'windowDays=400', 'limit=abc', 'limit=51', 'regionCode=3305'])
      expectError(await staff('GET', `/api/analytics/hot-topics?${q}`), 400);
    expectError(await staff('GET', '/api/analytics/alerts?status=closed'), 400);
    expectError(await staff('POST', '/api/analytics/alerts/not-an-id/acknowledge'), 400);
  });

  it('are described in OpenAPI under the analytics tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const topics = doc.paths['/api/analytics/hot-topics'].get;
    expect(topics.tags).toEqual(['analytics']);
    expect(topics.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['regionCode', 'windowDays', 'limit']),
    );
    expect(doc.paths['/api/analytics/alerts'].get.tags).toEqual(['analytics']);
    expect(doc.paths['/api/analytics/alerts/{id}/acknowledge'].post.tags).toEqual(['analytics']);
  });
});

describe('opinion alerts and reply quality', () => {
  let alertId: string;

  it('assess a unit’s reply when it is stored', async () => {
    const poor = await repliedClue('楼道灯不亮', '小区楼道灯坏了一个月，晚上上下楼看不见。', '已收到。');
    const good = await repliedClue(
      '小区路灯长期不亮',
      '小区东门一排路灯坏了两个多月，晚上出行不安全，物业说没有经费维修路灯。',
      '您好，来信收悉。经现场核实，小区东门路灯因线路老化损坏，我局已督促物业于本周内完成路灯线路更换和维修，' +
        '维修资金按照《湖州市住宅专项维修资金管理办法》第十二条从专项维修资金列支。下一步将加强日常巡查，' +
        '如有疑问可拨打咨询电话联系我们。感谢您的理解和支持。',
    );
    const detail = ok(await staff('GET', `/api/clues/${good.id}`));
    expect(detail.replyQuality.modelVersion).toMatch(/reply/);
    expect(['优', '良', '中', '差']).toContain(detail.replyQuality.grade);
    expect(detail.replyQuality.citesPolicy).toBe(true);
    const weak = ok(await liaison('GET', `/api/clues/${poor.id}`));
    expect(weak.replyQuality.score).toBeLessThan(detail.replyQuality.score);
    const events = ok(await staff('GET', `/api/clues/${good.id}/events`)).items;
    const replied = events.find((e: { type: string }) => e.type === 'clue.replied');
    expect(replied.replyQuality.score).toBe(detail.replyQuality.score);
    const list = ok(await staff('GET', '/api/clues?state=replied')).items;
    expect(list.find((c: { id: string }) => c.id === good.id).replyQuality.grade).toBe(detail.replyQuality.grade);
    const triaged = ok(await staff('GET', '/api/clues?state=received')).items;
    expect(triaged.every((c: { replyQuality?: unknown }) => c.replyQuality === undefined)).toBe(true);
  });

  it('assess a progress report when it is stored, shown on the problem’s timeline', async () => {
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    let problem = ok(
      await member('POST', '/api/problems', {
        title: '老旧小区加装电梯审批慢',
        description: '多个老旧小区反映加装电梯审批环节多、周期长，群众意见较大。',
        source: 'research',
        regionCode: '330502',
      }),
      201,
    );
    const fire = async (who: typeof staff, command: string, input: unknown) => {
      problem = ok(
        await who('POST', `/api/problems/${problem.id}/commands/${command}`, { version: problem.version, input }),
      );
    };
    await fire(staff, 'confirm', {});
    await fire(staff, 'assign', {
      leadUnitId: housingBureau,
      responsibleLeader: '姚建华',
      responsiblePerson: '朱佳怡',
      deadline: inDays(60),
    });
    await fire(liaison, 'submit_plan', {
      goal: '审批时限压缩至 30 个工作日',
      rootCause: '审批环节分散在多个部门',
      measures: [{ text: '建立联审联办机制', owner: '住建局审批科', due: inDays(30) }],
      deadline: inDays(55),
      evidence: [],
    });
    await fire(staff, 'approve_plan', { checklist: [{ item: '符合相关政策', ok: true }] });
    await fire(liaison, 'report_progress', {
      period: '第1周',
      percent: 30,
      done: '已组织住建、规划、市场监管召开加装电梯联审会，审批环节由 6 个压缩为 3 个。',
      nextSteps: '下一步将印发加装电梯办事指南，并在政务服务网公布审批时限。',
      evidence: [],
    });
    const { items } = ok(await liaison('GET', `/api/problems/${problem.id}/events`));
    const withQuality = items.filter((e: { replyQuality?: unknown }) => e.replyQuality !== undefined);
    expect(withQuality.map((e: { type: string }) => e.type)).toEqual(['problem.progress_reported']);
    expect(withQuality[0].replyQuality.modelVersion).toMatch(/reply/);
    expect(withQuality[0].replyQuality.citesMeasure).toBe(true);
    expect(withQuality[0].replyQuality.days).toBeLessThan(1);
  });

  it('appear after a spike of negative ratings on one unit, and not before', async () => {
    const negative = ['答复敷衍，问题根本没有解决。', '处理太慢，态度很差，不满意。'];
    for (const [i, comment] of negative.entries())
      await rate(
        await repliedClue(`墙面渗水${i}`, '楼道墙面渗水发霉，多次反映没有维修。', '已收到。'),
        'dissatisfied',
        comment,
      );
    await runAlertJob();
    expect(ok(await staff('GET', '/api/analytics/alerts')).items).toEqual([]);

    for (let i = 0; i < 3; i++)
      await rate(
        await repliedClue(`屋顶漏水${i}`, '顶楼屋顶漏水严重，住建部门一直没有处理。', '已收到。'),
        'dissatisfied',
        i === 0 ? undefined : '问题没有解决，太失望了。',
      );
    const first = await runAlertJob();
    expect(first.alerts).toBeGreaterThan(0);
    const { items } = ok(await staff('GET', '/api/analytics/alerts?status=open'));
    const unit = items.find((a: { subjectType: string }) => a.subjectType === 'unit');
    expect(unit.subjectKey).toBe(housingBureau);
    expect(unit.subjectLabel).toBe('湖州市住房和城乡建设局');
    expect(unit.regionCode).toBe('330500');
    expect(unit.negativeCount).toBe(5);
    expect(unit.zScore).toBeGreaterThanOrEqual(3);
    expect(unit.examples.map((e: { text: string }) => e.text)).toContain('问题没有解决，太失望了。');
    expect(unit.status).toBe('open');
    alertId = unit.id;

    // The same subject and bucket alert once.
    expect((await runAlertJob()).alerts).toBe(0);
    expect(ok(await staff('GET', '/api/analytics/alerts')).items).toHaveLength(items.length);
  });

  it('stay inside the caller’s scope', async () => {
    expect(ok(await county('GET', '/api/analytics/alerts')).items).toEqual([]);
    expectError(await county('GET', '/api/analytics/alerts?regionCode=330503'), 403);
    expectError(await liaison('GET', '/api/analytics/alerts'), 403);
    const southern = ok(await staff('GET', '/api/analytics/alerts?regionCode=330503')).items;
    expect(southern.every((a: { regionCode: string }) => a.regionCode.startsWith('330503'))).toBe(true);
  });

  it('are acknowledged once, by staff, with an event', async () => {
    expectError(await member('POST', `/api/analytics/alerts/${alertId}/acknowledge`), 403);
    expectError(await county('POST', `/api/analytics/alerts/${alertId}/acknowledge`), 404);
    const done = ok(await staff('POST', `/api/analytics/alerts/${alertId}/acknowledge`));
    expect(done.status).toBe('acknowledged');
    expect(done.acknowledgedAt).not.toBeNull();
    expectError(await staff('POST', `/api/analytics/alerts/${alertId}/acknowledge`), 409, 'already_acknowledged');
    const open = ok(await staff('GET', '/api/analytics/alerts?status=open')).items;
    expect(open.some((a: { id: string }) => a.id === alertId)).toBe(false);
    const acknowledged = ok(await staff('GET', '/api/analytics/alerts?status=acknowledged')).items;
    expect(acknowledged.map((a: { id: string }) => a.id)).toEqual([alertId]);
    const events = ok(await staff('GET', `/api/events?subjectType=opinion_alert&subjectId=${alertId}`)).items;
    expect(events.map((e: { type: string; actorUsername: string }) => [e.type, e.actorUsername])).toEqual([
      ['opinion_alert.acknowledged', 'cppcc_staff'],
    ]);
    expectError(await staff('POST', '/api/analytics/alerts/00000000-0000-4000-8000-000000000000/acknowledge'), 404);
  });
});

describe('topic alerts across hot-topic recomputes', () => {
  it('keep their topic id, and stay acknowledged when the topic’s keywords shift', async () => {
    const db = t.database.db;
    const topicOf = async (clueId: string) => {
      const view = ok(await staff('GET', '/api/analytics/hot-topics?regionCode=330503&limit=50'));
      return view.items.find((x: { clueIds: string[] }) => x.clueIds.includes(clueId));
    };
    const ratedBurst = async (texts: [string, string][], comment: string) => {
      const ids: string[] = [];
      for (const [title, body] of texts) {
        const clue = await repliedClue(title, body, '已收到。');
        await rate(clue, 'dissatisfied', comment);
        ids.push(clue.id);
      }
      return ids;
    };
    // A month of the county's other reports, one of a kind each, so that what the burst shares stands out.
    const background: [string, string][] = [
      ['公交班次太少', '到市区的公交一小时才一班，上下班高峰挤不上车。'],
      ['学校门口交通拥堵', '小学门口上下学时段车辆乱停，交通拥堵。'],
      ['夜间工厂排放异味', '附近工厂晚上排放刺鼻气味，窗户都不敢开。'],
      ['工资被拖欠', '在工地干活，老板拖欠工资四个月。'],
      ['幼儿园入园难', '新小区入住很多年轻家庭，附近公办幼儿园名额不够。'],
      ['卫生服务中心缺医生', '社区卫生服务中心只有两个医生，看病排队一上午。'],
      ['景区停车乱收费', '景区周边私人停车场乱收费，一次收五十元。'],
      ['饮水水压不足', '村里自来水水压不足，早晚高峰经常停水。'],
      ['农贸市场占道经营', '农贸市场外面小贩占道经营，行人只能走机动车道。'],
      ['共享单车乱停放', '地铁口共享单车堆成山，盲道都被占了。'],
    ];
    for (const [i, [title, body]] of background.entries()) await report(`device-s${i}`, townB, title, body);
    const first = await ratedBurst(
      [
        ['小区电动车充电桩损坏', '小区电动车充电桩损坏一个多月，物业不维修，电动车没法充电。'],
        ['电动车充电桩坏了没人修', '小区电动车充电桩坏了，物业一直不维修，居民电动车充电困难。'],
        ['小区充电桩长期损坏', '小区里的电动车充电桩长期损坏无人维修，充电很不方便。'],
      ],
      '问题没有解决，不满意。',
    );
    await refreshHotTopics(db, 30);
    const before = await topicOf(first[0]!);
    expect(before.clueIds).toEqual(expect.arrayContaining(first));
    await runAlertJob();
    const open = ok(await staff('GET', '/api/analytics/alerts?status=open&limit=200')).items;
    const alert = open.find((a: { subjectType: string; subjectKey: string }) => a.subjectType === 'topic' && a.subjectKey === before.id);
    expect(alert, JSON.stringify(open.map((a: { subjectLabel: string }) => a.subjectLabel))).toBeDefined();
    expect(alert.subjectLabel).toMatch(/^热点：/);
    ok(await staff('POST', `/api/analytics/alerts/${alert.id}/acknowledge`));

    // The same day, more neighbours report the same chargers, now mostly about 飞线充电, all angrier:
    // the recomputed topic is the same one under other keywords.
    const more = await ratedBurst(
      [
        ['小区电动车充电桩损坏只能飞线', '小区电动车充电桩损坏，物业不维修，居民只能飞线充电。'],
        ['电动车充电桩坏了居民飞线', '小区电动车充电桩坏了没人维修，居民电动车只能飞线充电。'],
        ['小区充电桩损坏电动车飞线', '小区电动车充电桩长期损坏，物业不维修，楼上飞线充电。'],
        ['电动车充电桩不修只好飞线', '小区电动车充电桩损坏不维修，电动车飞线充电，物业不管。'],
        ['小区电动车飞线充电桩损坏', '小区电动车充电桩损坏，物业一直不维修，到处飞线充电。'],
        ['充电桩损坏电动车飞线充电', '小区里电动车充电桩损坏无人维修，居民电动车飞线充电。'],
      ],
      '答复敷衍，态度恶劣，极其失望，非常不满意！',
    );
    await refreshHotTopics(db, 30);
    const after = await topicOf(first[0]!);
    // Online clustering may leave a report or two out as the weights shift; the topic is the one that kept most.
    expect(first.filter((id) => after.clueIds.includes(id)).length).toBeGreaterThanOrEqual(2);
    expect(more.filter((id) => after.clueIds.includes(id)).length).toBeGreaterThanOrEqual(4);
    expect(after.id).toBe(before.id);
    expect(after.keywords.slice(0, 3)).not.toEqual(before.keywords.slice(0, 3));

    await runAlertJob();
    const all = ok(await staff('GET', '/api/analytics/alerts?limit=200')).items;
    const mine = new Set([...first, ...more]);
    const topicAlerts = all.filter(
      (a: { subjectType: string; examples: { sourceId: string }[] }) =>
        a.subjectType === 'topic' && a.examples.some((e) => mine.has(e.sourceId)),
    );
    expect(topicAlerts.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([[alert.id, 'acknowledged']]);
  });
});
