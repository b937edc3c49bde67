import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { actorOf, findUserByUsername, insertProblem, schema, Scope } from '@rectify/db';
import { addDays, DEMO_ROLES, localDate, newProblem, SETTINGS_DEFAULTS, TEMPLATE_KEYS } from '@rectify/domain';
import { DEFAULT_ROUTING } from '@rectify/nlp';
import { analyseClue } from '../src/features/clues/analytics.ts';
import { applyProblemCommand, derivedColumns, recomputeWarnings } from '../src/features/problems/service.ts';
import { remindersFor, runReminders } from '../src/features/reminders/service.ts';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

/**
 * Region settings (地区配置): who may read and save them, validation, inheritance down the region tree, and every
 * rule that reads them (KPI targets and weights, dispute window, extension limit, progress cadence, look-backs,
 * reminder templates, clue reject reasons and reply templates, routing suggestions).
 */

const CITY = '330500';
const COUNTY = '330502'; // 吴兴区: the demo gives it its own completion target (0.95)
const OTHER_COUNTY = '330503'; // 南浔区: inherits everything from the city
const DAY = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const CHINESE = /[\u4e00-\u9fa5]/;

let t: TestPlatform;
const c: Record<string, ReturnType<typeof as>> = {};
const units: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestPlatform({ demoProblems: true, env: { RECTIFY_PUBLIC_READS_PER_MINUTE: '1000' } });
  for (const role of DEMO_ROLES) c[role] = as(t.app, await login(t.app, role));
  for (const u of await t.database.db.select().from(schema.units)) units[u.name] = u.id;
  // A staff member of one county only.
  const created = await c.admin!('POST', '/api/users', {
    username: 'county-staff',
    displayName: '吴兴区评议办 李静',
    unitId: units['政协湖州市吴兴区委员会'],
    password: 'Fresh-Passw0rd!',
    grants: [{ role: 'cppcc_staff', regionCode: COUNTY }],
  });
  expect(created.statusCode).toBe(201);
  c.county = as(t.app, await login(t.app, 'county-staff', 'Fresh-Passw0rd!'));
  // Seeding the demo problems takes minutes on a busy machine with PostgreSQL.
}, 400_000);
afterAll(() => t.close());

const read = async (code: string, who = 'cppcc_staff') => {
  const res = await c[who]!('GET', `/api/settings/regions/${code}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
/** Replaces `code`'s own settings at its current version. */
const save = async (code: string, settings: Record<string, unknown>, who = 'cppcc_staff') => {
  const { version } = await read(code);
  const res = await c[who]!('PUT', `/api/settings/regions/${code}`, { version, settings });
  if (res.statusCode !== 200) throw new Error(`save ${code}: ${res.statusCode} ${res.body}`);
  return res.json();
};

/** The latest audit entry of `action` with `outcome`. */
const lastAudit = async (action: string, outcome: 'success' | 'failure') =>
  (
    await t.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, action), eq(schema.auditLog.outcome, outcome)))
      .orderBy(desc(schema.auditLog.id))
      .limit(1)
  )[0];

describe('permissions and scope', () => {
  const matrix: Record<string, { read: number; manage: number }> = {
    admin: { read: 200, manage: 200 },
    cppcc_staff: { read: 200, manage: 200 },
    leader: { read: 200, manage: 403 },
    member: { read: 403, manage: 403 },
    supervisor: { read: 403, manage: 403 },
    unit_liaison: { read: 403, manage: 403 },
    unit_head: { read: 403, manage: 403 },
    evaluator: { read: 403, manage: 403 },
  };

  it.each(DEMO_ROLES)('%s reads and saves exactly as its role allows', async (role) => {
    const expected = matrix[role]!;
    const got = await c[role]!('GET', `/api/settings/regions/${OTHER_COUNTY}`);
    expect(got.statusCode).toBe(expected.read);
    expect((await c[role]!('GET', '/api/settings/templates')).statusCode).toBe(expected.read);
    const { version } = await read(OTHER_COUNTY);
    const put = await c[role]!('PUT', `/api/settings/regions/${OTHER_COUNTY}`, {
      version,
      settings: { maxExtensions: 3 },
    });
    expect(put.statusCode).toBe(expected.manage);
    if (expected.manage === 403) {
      expectError(put, 403, 'forbidden');
      expect(await lastAudit('access.denied', 'failure')).toMatchObject({
        actorUsername: role,
        details: { permission: 'settings.manage' },
      });
    } else {
      expect(put.json()).toMatchObject({ version: version + 1, own: { maxExtensions: 3 } });
    }
    await save(OTHER_COUNTY, {});
  });

  it('keeps a county’s staff inside its county: other regions 403, unknown regions 404, bad codes 400', async () => {
    expect((await read(COUNTY, 'county')).regionCode).toBe(COUNTY);
    expect((await read(`${COUNTY}001`, 'county')).regionCode).toBe(`${COUNTY}001`);
    expectError(await c.county!('GET', `/api/settings/regions/${CITY}`), 403, 'forbidden');
    expectError(await c.county!('GET', `/api/settings/regions/${OTHER_COUNTY}`), 403, 'forbidden');
    expectError(
      await c.county!('PUT', `/api/settings/regions/${OTHER_COUNTY}`, { version: 0, settings: {} }),
      403,
      'forbidden',
    );
    expectError(await c.cppcc_staff!('GET', '/api/settings/regions/330599'), 404, 'not_found');
    expectError(await c.cppcc_staff!('GET', '/api/settings/regions/abc'), 400, 'validation_failed');
    // The county's staff may set its own county.
    expect((await save(COUNTY, { kpiTargets: { completion: 0.95 }, maxExtensions: 4 }, 'county')).own).toEqual({
      kpiTargets: { completion: 0.95 },
      maxExtensions: 4,
    });
    await save(COUNTY, { kpiTargets: { completion: 0.95 } }, 'county');
  });

  it('lists the message templates with their variables and default texts', async () => {
    const res = await c.leader!('GET', '/api/settings/templates');
    expect(Object.keys(res.json()).sort()).toEqual([...TEMPLATE_KEYS].sort());
    expect(res.json().planOverdue).toMatchObject({ audience: 'unit', variables: ['title', 'planDueDate'] });
  });
});

describe('saving', () => {
  it('refuses a stale version with 409 and writes nothing', async () => {
    const { version } = await read(OTHER_COUNTY);
    await save(OTHER_COUNTY, { progressCadenceDays: 10 });
    const stale = await c.cppcc_staff!('PUT', `/api/settings/regions/${OTHER_COUNTY}`, {
      version,
      settings: { progressCadenceDays: 14 },
    });
    expect(expectError(stale, 409, 'version_conflict').details).toMatchObject({ currentVersion: version + 1 });
    expect((await read(OTHER_COUNTY)).own).toEqual({ progressCadenceDays: 10 });
    // Version 0 means "never saved": a second first save loses too.
    const first = await c.cppcc_staff!('PUT', `/api/settings/regions/${OTHER_COUNTY}001`, { version: 0, settings: {} });
    expect(first.statusCode).toBe(200);
    const again = await c.cppcc_staff!('PUT', `/api/settings/regions/${OTHER_COUNTY}001`, { version: 0, settings: {} });
    expectError(again, 409, 'version_conflict');
    await save(OTHER_COUNTY, {});
  });

  it('refuses invalid settings with 400 and every issue, each with its path and a Chinese message', async () => {
    const res = await c.cppcc_staff!('PUT', `/api/settings/regions/${CITY}`, {
      version: (await read(CITY)).version,
      settings: {
        disputeWindowDays: -1,
        kpiTargets: { completion: 1.5 },
        lookbackMonths: [6, 3],
        assessment: {
          weights: { completion: 50, onTime: 20, satisfaction: 25, mechanism: 15, rebound: 10 },
          exportWeight: 0.1,
        },
        templates: { planOverdue: '“{titel}”方案逾期' },
        colour: 'red',
      },
    });
    const error = expectError(res, 400, 'validation_failed');
    const details = error.details as { path: string; message: string }[];
    const byPath = (p: string) => details.find((d) => d.path === `body/settings/${p}`)?.message;
    expect(byPath('disputeWindowDays')).toMatch(CHINESE);
    expect(byPath('kpiTargets/completion')).toBe('比率目标应在 0 到 1 之间');
    expect(byPath('lookbackMonths')).toBe('回头看月数应从小到大且不重复');
    expect(byPath('assessment/weights')).toBe('各项权重之和应为 100');
    expect(byPath('templates/planOverdue')).toContain('{titel}');
    expect(details.find((d) => d.message.includes('colour'))?.message).toMatch(CHINESE);
    for (const d of details) expect(d.message).toMatch(CHINESE);
    expectError(
      await c.cppcc_staff!('PUT', `/api/settings/regions/${CITY}`, { settings: {} }),
      400,
      'validation_failed',
    );
  });

  it('refuses routing to unknown units or units outside the region with 422 naming the rule', async () => {
    const { version } = await read(COUNTY);
    const unknown = await c.cppcc_staff!('PUT', `/api/settings/regions/${COUNTY}`, {
      version,
      settings: { routing: [{ category: '交通运输', leadUnitId: '00000000-0000-4000-8000-000000000000' }] },
    });
    expect(expectError(unknown, 422, 'invalid_routing').details).toMatchObject({
      index: 0,
      rule: { category: '交通运输' },
      unknownUnitIds: ['00000000-0000-4000-8000-000000000000'],
    });
    const outside = await c.cppcc_staff!('PUT', `/api/settings/regions/${COUNTY}`, {
      version,
      settings: {
        routing: [
          { category: '城乡建设', leadUnitId: units['吴兴区人民政府'] },
          { category: '交通运输', leadUnitId: units['吴兴区人民政府'], cooperatingUnitIds: [units['南浔区人民政府']] },
        ],
      },
    });
    expect(expectError(outside, 422, 'invalid_routing').details).toMatchObject({
      index: 1,
      outsideUnitIds: [units['南浔区人民政府']],
    });
    expect((await read(COUNTY)).version).toBe(version);
    expect(await lastAudit('settings.update', 'failure')).toMatchObject({
      regionCode: COUNTY,
      details: { reason: 'invalid_routing' },
    });
  });

  it('audits each save with the settings before and after', async () => {
    const before = (await read(OTHER_COUNTY)).own;
    const saved = await save(OTHER_COUNTY, { maxExtensions: 1, clueRejectReasons: ['重复反映'] });
    expect(await lastAudit('settings.update', 'success')).toMatchObject({
      actorUsername: 'cppcc_staff',
      regionCode: OTHER_COUNTY,
      details: { before, after: { maxExtensions: 1, clueRejectReasons: ['重复反映'] }, version: saved.version },
    });
    await save(OTHER_COUNTY, {});
  });
});

describe('inheritance', () => {
  it('resolves each key from the nearest region that sets it, merging KPI targets and templates entry by entry', async () => {
    await save(CITY, {
      ...(await read(CITY)).own,
      kpiTargets: { completion: 0.5, rebound: 0.1 },
      templates: { overdue: '“{title}”超期 {overdueDays} 天' },
      maxExtensions: 1,
    });
    const town = await read(`${COUNTY}001`);
    expect(town.own).toEqual({});
    expect(town.version).toBe(0);
    expect(town.effective.kpiTargets).toMatchObject({ completion: 0.95, rebound: 0.1, threeMonth: 0.8 });
    expect(town.effective.maxExtensions).toBe(1);
    expect(town.effective.disputeWindowDays).toBe(SETTINGS_DEFAULTS.disputeWindowDays);
    expect(town.effective.templates.overdue).toBe('“{title}”超期 {overdueDays} 天');
    expect(town.effective.templates.planOverdue).toBe(SETTINGS_DEFAULTS.templates.planOverdue);
    expect(town.sources).toMatchObject({
      kpiTargets: COUNTY,
      maxExtensions: CITY,
      routing: CITY,
      disputeWindowDays: null,
    });
    const other = await read(OTHER_COUNTY);
    expect(other.effective.kpiTargets.completion).toBe(0.5);
    expect(other.sources.kpiTargets).toBe(CITY);
    const { routing } = (await read(CITY)).own;
    await save(CITY, { routing });
  });
});

describe('rules that read the settings', () => {
  it('KPI targets: the region’s own, else its city’s; region rankings use each region’s', async () => {
    const target = async (region: string) =>
      (await c.leader!('GET', `/api/kpi?region=${region}`)).json().kpis.completion.target;
    expect(await target(OTHER_COUNTY)).toBe(0.9);
    expect(await target(COUNTY)).toBe(0.95);
    const { routing } = (await read(CITY)).own;
    await save(CITY, { routing, kpiTargets: { completion: 0.6, responseTime: null } });
    expect(await target(CITY)).toBe(0.6);
    expect(await target(OTHER_COUNTY)).toBe(0.6);
    expect(await target(COUNTY)).toBe(0.95);
    expect((await c.leader!('GET', `/api/kpi?region=${CITY}`)).json().kpis.responseTime.target).toBeNull();
    const trend = (await c.leader!('GET', `/api/kpi/trend?region=${OTHER_COUNTY}&months=2`)).json();
    expect(trend.months.map((m: { kpis: { completion: { target: number } } }) => m.kpis.completion.target)).toEqual([
      0.6, 0.6,
    ]);
    const ranking = (await c.leader!('GET', `/api/kpi/regions?region=${CITY}`)).json();
    const byCode = Object.fromEntries(
      ranking.items.map((i: { regionCode: string; kpis: { completion: { target: number } } }) => [
        i.regionCode,
        i.kpis.completion.target,
      ]),
    );
    expect(byCode).toMatchObject({ [COUNTY]: 0.95, [OTHER_COUNTY]: 0.6 });
    await save(CITY, { routing });
  });

  it('assessment weights: a unit’s score follows the region’s weights', async () => {
    type Row = { unitId: string; score: number | null; kpis: { completion: { value: number | null } } };
    const rows = async (region: string): Promise<Row[]> =>
      (await c.leader!('GET', `/api/kpi/units?region=${region}`)).json().items;
    const before = await rows(CITY);
    const unit = before.find((r) => r.kpis.completion.value !== null && r.score !== null)!;
    expect(unit).toBeDefined();
    const { routing } = (await read(CITY)).own;
    await save(CITY, {
      routing,
      assessment: {
        weights: { completion: 100, onTime: 0, satisfaction: 0, mechanism: 0, rebound: 0 },
        exportWeight: 0.2,
      },
    });
    const after = (await rows(CITY)).find((r) => r.unitId === unit.unitId)!;
    expect(after.score).toBeCloseTo(unit.kpis.completion.value! * 100, 6);
    // The city's weights reach a county that sets none.
    const inCounty = (await rows(OTHER_COUNTY)).filter((r) => r.kpis.completion.value !== null);
    for (const r of inCounty) expect(r.score).toBeCloseTo(r.kpis.completion.value! * 100, 6);
    await save(CITY, { routing });
  });

  /** A problem of `region` assigned to the housing bureau now, in `rectifying` when `rectify` is set. */
  async function assignedProblem(region: string, rectify = false): Promise<string> {
    const staff = c.cppcc_staff!;
    const fire = async (id: string, command: string, input: unknown, who = 'cppcc_staff') => {
      const { version } = (await staff('GET', `/api/problems/${id}`)).json();
      const res = await c[who]!('POST', `/api/problems/${id}/commands/${command}`, { version, input });
      if (res.statusCode !== 200) throw new Error(`${command}: ${res.body}`);
      return res.json();
    };
    const p = (
      await staff('POST', '/api/problems', {
        title: '背街小巷路灯不亮',
        description: '多条背街小巷路灯长期不亮，居民夜间出行不便。',
        source: 'data',
        regionCode: region,
      })
    ).json();
    await fire(p.id, 'confirm', {});
    await fire(p.id, 'assign', {
      leadUnitId: units['湖州市住房和城乡建设局'],
      responsibleLeader: '姚建华',
      responsiblePerson: '朱佳怡',
      deadline: inDays(60),
    });
    if (rectify) {
      await fire(
        p.id,
        'submit_plan',
        {
          goal: '一个月内全部修复',
          rootCause: '线路老化',
          measures: [{ text: '更换线路', owner: '市政科', due: inDays(30) }],
          deadline: inDays(50),
          evidence: [],
        },
        'unit_liaison',
      );
      await fire(p.id, 'approve_plan', { checklist: [{ item: '符合相关政策', ok: true }] });
    }
    return p.id;
  }

  it('extension limit: the region’s maxExtensions decides, inherited from the city', async () => {
    const id = await assignedProblem(`${OTHER_COUNTY}001`, true);
    const { routing } = (await read(CITY)).own;
    await save(CITY, { routing, maxExtensions: 0 });
    const view = (await c.unit_liaison!('GET', `/api/problems/${id}`)).json();
    expect(view.allowedActions).not.toContain('request_extension');
    const refused = await c.unit_liaison!('POST', `/api/problems/${id}/commands/request_extension`, {
      version: view.version,
      input: { requestedDeadline: inDays(90), reason: '需配合电力部门施工' },
    });
    expect(expectError(refused, 422, 'extension_limit').message).toContain('0 次');
    // The county lifts it for itself.
    await save(OTHER_COUNTY, { maxExtensions: 1 });
    expect((await c.unit_liaison!('GET', `/api/problems/${id}`)).json().allowedActions).toContain('request_extension');
    await save(OTHER_COUNTY, {});
    await save(CITY, { routing });
  });

  it('dispute window: counted in the region’s days', async () => {
    const id = await assignedProblem(COUNTY);
    const liaison = await actorOf(t.database.db, (await findUserByUsername(t.database.db, 'unit_liaison'))!);
    const dispute = async (version: number) =>
      applyProblemCommand(
        t.database.db,
        liaison,
        Scope.system(),
        id,
        { type: 'dispute', input: { reason: '不属于本单位职责', evidence: [] } },
        version,
        new Date(Date.now() + 3 * DAY),
      );
    const { routing } = (await read(CITY)).own;
    await save(CITY, { routing, disputeWindowDays: 1 });
    const { version } = (await c.cppcc_staff!('GET', `/api/problems/${id}`)).json();
    await expect(dispute(version)).rejects.toMatchObject({ status: 422, code: 'dispute_window_closed' });
    await save(CITY, { routing });
    // Back to the default of five days: three days after assignment is still within the window.
    expect((await dispute(version)).state).toBe('disputed');
  });

  it('progress cadence: the warning job and each change use the region’s cadence', async () => {
    const id = await assignedProblem(`${COUNTY}002`, true);
    const light = async () =>
      (await t.database.db.select().from(schema.problems).where(eq(schema.problems.id, id)))[0]!.warning;
    const inFourDays = new Date(Date.now() + 4 * DAY);
    await recomputeWarnings(t.database.db, inFourDays);
    expect(await light()).toBe('green');
    await save(COUNTY, { kpiTargets: { completion: 0.95 }, progressCadenceDays: 3 });
    await recomputeWarnings(t.database.db, inFourDays);
    expect(await light()).toBe('yellow');
    const detail = (await c.cppcc_staff!('GET', `/api/problems/${id}`)).json();
    expect(detail.flags.nextProgressDue).toBe(addDays(localDate(new Date()), 3));
    // The unit's to-do list shows the report due on the same day.
    const todo = (await c.unit_liaison!('GET', '/api/workbench/todo')).json();
    expect(todo.items.find((i: { problemId: string }) => i.problemId === id)).toMatchObject({
      duty: 'report_progress',
      dueOn: addDays(localDate(new Date()), 3),
    });
    await save(COUNTY, { kpiTargets: { completion: 0.95 } });
    await recomputeWarnings(t.database.db, inFourDays);
    expect(await light()).toBe('green');
  });

  it('look-backs: the region’s months for a problem without a campaign, in reminders and the to-do list', async () => {
    const id = crypto.randomUUID();
    const now = new Date();
    const closedAt = new Date(now.getTime() - 40 * DAY);
    const snapshot = { ...newProblem({ id, regionCode: `${COUNTY}003` }), state: 'closed' as const, closedAt };
    await insertProblem(t.database.db, {
      id,
      title: '农贸市场排水沟堵塞',
      description: '农贸市场排水沟堵塞，雨天积水。',
      severity: 'normal',
      source: 'data',
      regionCode: `${COUNTY}003`,
      createdAt: closedAt,
      updatedAt: closedAt,
      ...derivedColumns(snapshot, closedAt),
      state: 'closed',
      snapshot,
    });
    const lookbacks = async () =>
      (
        await t.database.db
          .select()
          .from(schema.notifications)
          .where(and(eq(schema.notifications.subjectId, id), eq(schema.notifications.kind, 'lookback_due')))
      ).map((n) => n.message);
    const todo = async () =>
      (await c.supervisor!('GET', '/api/workbench/todo'))
        .json()
        .items.filter((i: { problemId: string }) => i.problemId === id);
    await runReminders(t.database.db, now);
    expect(await lookbacks()).toEqual([]);
    expect(await todo()).toEqual([]);

    const { routing } = (await read(CITY)).own;
    await save(CITY, {
      routing,
      lookbackMonths: [1, 12],
      templates: { lookbackDue: '{title}：{months} 个月回头看，{dueDate} 到期' },
    });
    await runReminders(t.database.db, now);
    const dueOn = addDays(localDate(closedAt), 30);
    expect(await lookbacks()).toEqual([`农贸市场排水沟堵塞：1 个月回头看，${dueOn} 到期`]);
    expect(await todo()).toMatchObject([{ duty: 'lookback' }]);
    await save(CITY, { routing });
  });

  it('reminder texts: defaults unchanged, a region’s templates reword them', () => {
    const s = {
      ...newProblem({ id: 'p', regionCode: COUNTY }),
      state: 'rectifying' as const,
      assignment: {
        leadUnitId: 'u',
        coUnitIds: [],
        responsibleLeader: 'a',
        responsiblePerson: 'b',
        deadline: '2026-01-10',
        assignedAt: new Date('2025-12-01T02:00:00Z'),
        disputed: false,
      },
      rectifyingSince: new Date('2025-12-02T02:00:00Z'),
    } as Parameters<typeof remindersFor>[1];
    const p = { id: 'p', title: '路灯不亮', regionCode: COUNTY };
    const now = new Date('2026-01-12T02:00:00Z');
    const messages = (templates = SETTINGS_DEFAULTS.templates) =>
      remindersFor(p, s, now, [3, 6], { templates, progressCadenceDays: 7 }).map((n) => n.message);
    expect(messages()).toEqual([
      '“路灯不亮”的整改进展应于 2025-12-09 报送，请尽快报送',
      '“路灯不亮”已超过整改时限（2026-01-10）2 天',
      '“路灯不亮”已超过整改时限（2026-01-10）2 天，请研究催办',
    ]);
    expect(remindersFor(p, s, now, [3, 6]).map((n) => n.message)).toEqual(messages());
    expect(
      messages({ ...SETTINGS_DEFAULTS.templates, overdueStaff: '请催办：{title}，已超期 {overdueDays} 天' })[2],
    ).toBe('请催办：路灯不亮，已超期 2 天');
  });

  it('clue reject reasons and reply templates: the clue’s region’s, inherited from the city', async () => {
    const settings = async (query = '') => (await c.cppcc_staff!('GET', `/api/clues/settings${query}`)).json();
    expect((await settings()).rejectReasons).toEqual(SETTINGS_DEFAULTS.clueRejectReasons);
    expect((await settings()).replyTemplates.clueRejectedReply).toBe(SETTINGS_DEFAULTS.templates.clueRejectedReply);
    const { routing } = (await read(CITY)).own;
    await save(CITY, {
      routing,
      clueRejectReasons: ['不属于本地区', '重复反映'],
      templates: { clueAcceptedReply: '已受理（{trackingCode}），由{unitName}办理。' },
    });
    await save(OTHER_COUNTY, { clueRejectReasons: ['南浔区专用理由'] });
    expect(await settings()).toMatchObject({
      region: CITY,
      rejectReasons: ['不属于本地区', '重复反映'],
      replyTemplates: {
        clueAcceptedReply: '已受理（{trackingCode}），由{unitName}办理。',
        clueForwardedReply: SETTINGS_DEFAULTS.templates.clueForwardedReply,
      },
    });
    expect((await settings(`?region=${OTHER_COUNTY}`)).rejectReasons).toEqual(['南浔区专用理由']);
    expect((await settings(`?region=${COUNTY}`)).rejectReasons).toEqual(['不属于本地区', '重复反映']);
    expectError(await c.county!('GET', `/api/clues/settings?region=${OTHER_COUNTY}`), 403, 'forbidden');

    const clue = async (region: string) => {
      const res = await c.cppcc_staff!('POST', '/api/clues', {
        title: '小区门口垃圾堆积',
        body: '小区门口垃圾堆积多日无人清运，气味难闻。',
        regionCode: region,
        channel: 'staff',
      });
      expect(res.statusCode).toBe(201);
      const { id, version } = res.json();
      const triaged = await c.cppcc_staff!('POST', `/api/clues/${id}/commands/triage`, {
        version,
        input: { category: '环境保护' },
      });
      expect(triaged.statusCode).toBe(200);
      return id as string;
    };
    const reject = async (id: string, reason: string) => {
      const { version } = (await c.cppcc_staff!('GET', `/api/clues/${id}`)).json();
      return c.cppcc_staff!('POST', `/api/clues/${id}/commands/reject`, { version, input: { reason } });
    };
    const inCounty = await clue(`${COUNTY}001`);
    expectError(await reject(inCounty, SETTINGS_DEFAULTS.clueRejectReasons[0]!), 422, 'unknown_reason');
    expectError(await reject(inCounty, '南浔区专用理由'), 422, 'unknown_reason');
    expect((await reject(inCounty, '不属于本地区')).json().state).toBe('rejected');
    const inOther = await clue(`${OTHER_COUNTY}001`);
    expectError(await reject(inOther, '不属于本地区'), 422, 'unknown_reason');
    expect((await reject(inOther, '南浔区专用理由')).json().state).toBe('rejected');
    await save(OTHER_COUNTY, {});
    await save(CITY, { routing });
  });

  it('routing: the clue’s region’s rule for the category names the unit; without a rule the default table', async () => {
    const res = await c.cppcc_staff!('POST', '/api/clues', {
      title: '公交线路太少出行难',
      body: '我们小区附近只有一条公交线路，班次少，早晚高峰等车半小时以上，希望增开公交线路。',
      regionCode: `${COUNTY}001`,
      channel: 'staff',
    });
    const id = res.json().id as string;
    const row = async () => (await t.database.db.select().from(schema.clues).where(eq(schema.clues.id, id)))[0]!;
    const analysed = await analyseClue(t.database.db, await row());
    const category = analysed.suggestedCategory!;
    const cityRule = (await read(CITY)).own.routing.find((r: { category: string }) => r.category === category);
    expect(cityRule).toBeDefined();
    // The demo city's rule (by unit id) wins over the classifier's name table.
    expect(analysed.suggestedUnit).toBe(Object.entries(units).find(([, uid]) => uid === cityRule.leadUnitId)![0]);
    // The county routes the category to its own government.
    await save(COUNTY, {
      kpiTargets: { completion: 0.95 },
      routing: [{ category, leadUnitId: units['吴兴区人民政府'] }],
    });
    expect((await analyseClue(t.database.db, await row())).suggestedUnit).toBe('吴兴区人民政府');
    // Neither the county nor the city has a rule: the classifier's default table.
    await save(COUNTY, { kpiTargets: { completion: 0.95 } });
    const { routing } = (await read(CITY)).own;
    await save(CITY, { routing: routing.filter((r: { category: string }) => r.category !== category) });
    const fallback = DEFAULT_ROUTING[category];
    expect((await analyseClue(t.database.db, await row())).suggestedUnit).toBe(
      typeof fallback === 'string' ? fallback : fallback!.lead,
    );
    await save(CITY, { routing });
  });
});

describe('under 三员分立', () => {
  let s: TestPlatform;
  beforeAll(async () => {
    s = await startTestPlatform({ env: { RECTIFY_SEPARATION_OF_DUTIES: 'true' } });
  });
  afterAll(() => s.close());

  it('only CPPCC staff save settings: business settings are business work', async () => {
    const admin = as(s.app, await login(s.app, 'admin'));
    const staff = as(s.app, await login(s.app, 'cppcc_staff'));
    const { version } = (await staff('GET', `/api/settings/regions/${CITY}`)).json();
    expectError(await admin('PUT', `/api/settings/regions/${CITY}`, { version, settings: {} }), 403, 'forbidden');
    expect((await staff('PUT', `/api/settings/regions/${CITY}`, { version, settings: {} })).statusCode).toBe(200);
  });
});
