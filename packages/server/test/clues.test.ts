import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
type Client = ReturnType<typeof as>;
const c: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestPlatform({
    env: { RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '100000', RECTIFY_PUBLIC_READS_PER_MINUTE: '100000' },
  });
  for (const role of ['cppcc_staff', 'member', 'unit_liaison', 'leader', 'evaluator']) {
    c[role] = as(t.app, await login(t.app, role));
  }
});
afterAll(() => t.close());

let n = 0;
const clue = (extra: Record<string, unknown> = {}) => ({
  title: '小区路灯长期不亮',
  body: `吴兴区某小区东门路灯坏了三个月，晚上出行很不安全，希望尽快修复。编号${++n}`,
  regionCode: '330502',
  ...extra,
});
const submit = (payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/public/clues', payload: payload as object, headers });
const track = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/clues/${code}` });

async function staffClue(code: string) {
  const raw = code.replace(/-/g, '');
  const [row] = await t.database.db.select().from(schema.clues).where(eq(schema.clues.trackingCode, raw));
  return (await c.cppcc_staff!('GET', `/api/clues/${row!.id}`)).json();
}
async function fire(id: string, command: string, input: unknown, who = 'cppcc_staff') {
  const current = (await c.cppcc_staff!('GET', `/api/clues/${id}`)).json();
  return c[who]!('POST', `/api/clues/${id}/commands/${command}`, { version: current.version, input });
}

describe('public submission', () => {
  it('answers at once with a short, unambiguous, unique tracking code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await submit(clue());
      expect(res.statusCode).toBe(201);
      const { trackingCode } = res.json();
      expect(trackingCode).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{2}$/);
      codes.add(trackingCode);
    }
    expect(codes.size).toBe(20);
    // Not sequential: consecutive codes share no long common prefix.
    const sorted = [...codes].sort();
    expect(sorted[0]!.slice(0, 4)).not.toBe(sorted[19]!.slice(0, 4));
  });

  it('refuses bad input with per-field messages, unknown regions and oversize bodies', async () => {
    expectError(await submit({ title: '灯', body: '坏', regionCode: '330502' }), 400, 'validation_failed');
    expectError(await submit(clue({ regionCode: '999999' })), 400);
    expectError(await submit(clue({ attachments: Array(10).fill('a'.repeat(64)) })), 400, 'validation_failed');
    expectError(await submit(clue({ extra: 1 })), 400, 'validation_failed');
    const huge = await submit(clue({ body: '很'.repeat(40_000) }));
    expectError(huge, 413, 'payload_too_large');
  });

  it('stores every acknowledged clue exactly once under hundreds of parallel submits with retries', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => `concurrency-${i}-${Math.random().toString(36).slice(2)}`);
    const payloads = keys.map((k, i) => ({
      ...clue({ body: `并发提交测试第${i}条，内容各不相同，用于检验幂等。` }),
      idempotencyKey: k,
    }));
    // Each submit is sent three times at once (a client retrying on a timeout), all in parallel.
    const sends = payloads.flatMap((p) => [submit(p), submit(p), submit(p)]);
    const responses = await Promise.all(sends);
    for (const r of responses) expect([200, 201]).toContain(r.statusCode);
    const byKey = new Map<string, Set<string>>();
    responses.forEach((r, i) => {
      const key = keys[Math.floor(i / 3)]!;
      byKey.set(key, (byKey.get(key) ?? new Set()).add(r.json().trackingCode));
    });
    for (const codes of byKey.values()) expect(codes.size).toBe(1);
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(150);
    const [row] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.clues)
      .where(sql`${schema.clues.idempotencyKey} like 'portal:concurrency-%'`);
    expect(row!.n).toBe(150);
    const [events] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(schema.events)
      .where(sql`${schema.events.type} = 'clue.received' and ${schema.events.subjectId} in
        (select id::text from clues where idempotency_key like 'portal:concurrency-%')`);
    expect(events!.n).toBe(150);
  });

  it('refuses the same idempotency key with other content', async () => {
    const res = await submit({ ...clue(), idempotencyKey: 'same-key-other-body' });
    expect(res.statusCode).toBe(201);
    expectError(await submit({ ...clue(), idempotencyKey: 'same-key-other-body' }), 409, 'idempotency_mismatch');
    const viaHeader = await submit(clue({ body: '通过请求头传幂等键的提交内容' }), {
      'idempotency-key': 'hdr-key-123',
    });
    const again = await submit(clue({ body: '通过请求头传幂等键的提交内容' }), { 'idempotency-key': 'hdr-key-123' });
    expect(again.statusCode).toBe(200);
    expect(again.json().trackingCode).toBe(viaHeader.json().trackingCode);
    // Staff find it by the code as the reporter reads it out, dashes and lower case included.
    const shown = viaHeader.json().trackingCode as string;
    for (const q of [shown, shown.toLowerCase(), shown.replace(/-/g, '')]) {
      const found = (await c.cppcc_staff!('GET', `/api/clues?q=${encodeURIComponent(q)}`)).json();
      expect(found.items.map((i: { trackingCode: string }) => i.trackingCode)).toEqual([shown]);
    }
  });

  it('stores a honeypot hit and a duplicate flood for moderation, answers them, and never drops them', async () => {
    const bot = await submit({ ...clue(), website: 'http://spam.example' });
    expect(bot.statusCode).toBe(201);
    const botView = await staffClue(bot.json().trackingCode);
    expect(botView.moderation).toBe('spam');
    const flood = {
      title: '同一内容反复提交',
      body: '这是一条被大量重复提交的相同内容，用于测试刷屏检测。',
      regionCode: '330503',
    };
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await submit(flood));
    for (const r of results) expect(r.statusCode).toBe(201);
    const last = await staffClue(results[6]!.json().trackingCode);
    expect(last.moderation).toBe('held');
    expect(last.moderationReason).toBe('duplicate_flood');
    expect((await track(results[6]!.json().trackingCode)).json().stateLabel).toBe('审核中');
    const queue = (await c.cppcc_staff!('GET', '/api/clues?moderation=held')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(last.id);
    const released = await c.cppcc_staff!('POST', `/api/clues/${last.id}/moderation`, {
      version: last.version,
      decision: 'release',
    });
    expect(released.json().moderation).toBe('ok');
  });

  it('rate-limits per address and per device', async () => {
    const limited = await startTestPlatform({ env: { RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '3' } });
    try {
      const send = (device: string, ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/public/clues',
          payload: clue(),
          headers: { 'x-device-id': device },
          remoteAddress: ip,
        });
      // The limiter counts in fixed one-minute windows: start early in one so that all the requests share it.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_100 - intoMinute));
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await send('device-aaaaaaaa', '10.0.0.1')).statusCode);
      expect(codes).toEqual([201, 201, 201, 429]);
      // Another device from the same address: the address is over its limit too.
      expect((await send('device-bbbbbbbb', '10.0.0.1')).statusCode).toBe(429);
      // The same device from another address: the device is over its limit.
      expect((await send('device-aaaaaaaa', '10.0.0.2')).statusCode).toBe(429);
      expect((await send('device-cccccccc', '10.0.0.3')).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('triage and tracking', () => {
  it('follows a clue from receipt to acceptance into a new problem, reply and rating', async () => {
    const { trackingCode } = (
      await submit(clue({ contact: { name: '李建国', phone: '13812345678' }, category: '城乡建设' }))
    ).json();
    const detail = await staffClue(trackingCode);
    expect(detail.state).toBe('received');
    expect(detail.hasContact).toBe(true);
    expect(JSON.stringify(detail)).not.toContain('13812345678');
    expect(detail.suggestions.modelVersion).toMatch(/\+nlp-/);
    expect(detail.allowedActions).toEqual(['triage']);

    expect((await fire(detail.id, 'triage', { category: '城乡建设' })).statusCode).toBe(200);
    expectError(await fire(detail.id, 'reply', { text: '尚未受理' }), 409, 'illegal_transition');
    expectError(await fire(detail.id, 'accept', { createProblem: true }, 'unit_liaison'), 404);
    const accepted = await fire(detail.id, 'accept', { createProblem: true });
    expect(accepted.statusCode).toBe(200);
    const problemId = accepted.json().problemId;
    expect(problemId).toMatch(/^[0-9a-f-]{36}$/);
    const problem = (await c.cppcc_staff!('GET', `/api/problems/${problemId}`)).json();
    expect(problem.source).toBe('clue');
    expect(problem.snapshot.linkedClueIds).toEqual([detail.id]);

    const reply = await fire(detail.id, 'reply', { text: '已列入整改，联系电话13912345678可咨询。' });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().firstReplyAt).not.toBeNull();

    const tracked = (await track(trackingCode.toLowerCase())).json();
    expect(tracked.steps.map((s: { label: string }) => s.label)).toEqual([
      '已收到您的反映',
      '已分拣',
      '已受理',
      '已答复',
    ]);
    expect(tracked.steps[3].text).toContain('139****5678');
    expect(JSON.stringify(tracked)).not.toContain('13912345678');
    expect(tracked.canRate).toBe(true);
    // Not published yet: the problem is not shown.
    expect(tracked.problem).toBeNull();

    const rate = (body: unknown) =>
      t.app.inject({ method: 'POST', url: `/api/public/clues/${trackingCode}/rating`, payload: body as object });
    const rated = await rate({ value: 'satisfied', comment: '修好了' });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().rating.label).toBe('满意');
    expectError(await rate({ value: 'dissatisfied' }), 409, 'illegal_transition');
  });

  it('merges, forwards and rejects with a reason from the configured list; the tracking page follows', async () => {
    const a = await staffClue((await submit(clue())).json().trackingCode);
    const b = await staffClue((await submit(clue())).json().trackingCode);
    const d = await staffClue((await submit(clue())).json().trackingCode);
    const e = await staffClue((await submit(clue())).json().trackingCode);
    for (const x of [a, b, d, e]) await fire(x.id, 'triage', { category: '城乡建设' });

    expect((await fire(b.id, 'merge', { intoClueId: a.id })).json().mergedInto).toBe(a.id);
    expectError(await fire(a.id, 'merge', { intoClueId: a.id }), 422, 'merge_self');

    const fwd = await fire(d.id, 'forward', { to: '湖州市信访局', note: '属信访事项，已转交。' });
    expect(fwd.json().state).toBe('forwarded');
    const settings = (await c.cppcc_staff!('GET', '/api/clues/settings')).json();
    expectError(await fire(e.id, 'reject', { reason: '我不想处理' }), 422, 'unknown_reason');
    expect((await fire(e.id, 'reject', { reason: settings.rejectReasons[0] })).json().state).toBe('rejected');

    const tracked = (await track(e.trackingCode)).json();
    expect(tracked.steps.at(-1)).toMatchObject({ label: '不予受理', text: `理由：${settings.rejectReasons[0]}` });
    const forwarded = (await track(d.trackingCode)).json();
    expect(forwarded.steps.at(-1).text).toContain('湖州市信访局');
    const merged = (await track(b.trackingCode)).json();
    expect(merged.steps.at(-1).label).toBe('已合并办理');
  });

  it('filters the queue and exports it; leaves other roles and scopes out', async () => {
    const list = (await c.cppcc_staff!('GET', '/api/clues?state=triaged&region=330502&pageSize=5')).json();
    expect(list.items.length).toBeGreaterThan(0);
    for (const i of list.items) expect(i.state).toBe('triaged');
    const csv = await c.cppcc_staff!('GET', '/api/clues?format=csv&state=rejected');
    expect(csv.headers['content-type']).toContain('text/csv');
    expectError(await c.evaluator!('GET', '/api/clues'), 403);
    // A unit liaison sees only clues handled by its unit: none of these.
    expect((await c.unit_liaison!('GET', '/api/clues')).json().total).toBe(0);
  });

  it('shows contact details only to roles that need them, and audits every read', async () => {
    const code = (
      await submit(clue({ contact: { name: '王小明', phone: '13700001111', email: 'wxm@example.com' } }))
    ).json().trackingCode;
    const d = await staffClue(code);
    const res = await c.cppcc_staff!('GET', `/api/clues/${d.id}/contact`);
    expect(res.json().contact).toEqual({ name: '王小明', phone: '13700001111', email: 'wxm@example.com' });
    expectError(await c.leader!('GET', `/api/clues/${d.id}/contact`), 403);
    const [row] = await t.database.db.select().from(schema.clues).where(eq(schema.clues.id, d.id));
    expect(row!.contactCiphertext).toMatch(/^v1\./);
    expect(row!.contactCiphertext).not.toContain('13700001111');
    const audits = await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, 'clue.contact_read'));
    expect(audits.some((a) => (a.details as { clueId?: string }).clueId === d.id)).toBe(true);
  });

  it('lets members and staff enter clues from visits, inside their region only', async () => {
    const res = await c.member!('POST', '/api/clues', { ...clue(), channel: 'member' });
    expect(res.statusCode).toBe(201);
    expect(res.json().channel).toBe('member');
    expectError(await c.member!('POST', '/api/clues', { ...clue({ regionCode: '330100' }), channel: 'member' }), 403);
  });
});
