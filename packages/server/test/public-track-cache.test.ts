import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { TrackCache } from '../src/features/public/track-cache.ts';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

describe('TrackCache', () => {
  it('keeps at most max codes, least recently used out first', () => {
    const cache = new TrackCache(2, 60_000);
    cache.set('A', '"a"', cache.generation);
    cache.set('B', '"b"', cache.generation);
    expect(cache.get('A')?.json).toBe('"a"'); // A is now the most recently used
    cache.set('C', '"c"', cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('B')).toBeUndefined();
    expect(cache.get('A')?.json).toBe('"a"');
    expect(cache.get('C')?.json).toBe('"c"');
  });

  it('stops serving an entry after its time to live', () => {
    const cache = new TrackCache(10, 1000);
    cache.set('A', '"a"', cache.generation, 0);
    expect(cache.get('A', 999)?.json).toBe('"a"');
    expect(cache.get('A', 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not store a page read before a write that cleared the cache', () => {
    const cache = new TrackCache();
    const before = cache.generation;
    cache.clear();
    const entry = cache.set('A', '"stale"', before);
    expect(entry.json).toBe('"stale"'); // still answered to the reader that computed it …
    expect(cache.get('A')).toBeUndefined(); // … but never served to anyone else
    cache.set('A', '"fresh"', cache.generation);
    expect(cache.get('A')?.json).toBe('"fresh"');
  });

  it("lets one background refresh run per code in the last fifth of an entry's life", () => {
    const cache = new TrackCache(10, 1000);
    const entry = cache.set('A', '"a"', cache.generation, 0);
    expect(cache.claimRefresh('A', entry, 799)).toBe(false);
    expect(cache.claimRefresh('A', entry, 800)).toBe(true);
    expect(cache.claimRefresh('A', entry, 900)).toBe(false); // one is running
    expect(cache.get('A', 900)?.json).toBe('"a"'); // still served meanwhile
    cache.releaseRefresh('A');
    expect(cache.claimRefresh('A', entry, 900)).toBe(true);
    cache.delete('A');
    expect(cache.get('A', 900)).toBeUndefined();
  });

  it('gives different pages different entity tags', () => {
    const cache = new TrackCache();
    expect(cache.set('A', '{"x":1}', 0).etag).not.toBe(cache.set('B', '{"x":2}', 0).etag);
  });
});

const baseEnv = {
  RECTIFY_LOG_LEVEL: 'silent',
  RECTIFY_DATA: `/tmp/rectify-test-data-${process.pid}`,
  RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '100000',
  RECTIFY_PUBLIC_READS_PER_MINUTE: '100000',
};

describe('tracking page cache on the platform', () => {
  let t: TestPlatform;
  let staff: ReturnType<typeof as>;
  beforeAll(async () => {
    // A long time to live: whatever changes a page within a test is the invalidation's doing, not expiry's.
    t = await startTestPlatform({ env: { ...baseEnv, RECTIFY_PUBLIC_TRACK_CACHE_MS: '60000' } });
    staff = as(t.app, await login(t.app, 'cppcc_staff'));
  });
  afterAll(() => t.close());

  let n = 0;
  const submit = async (body: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/clues',
      payload: { title: `小区路灯长期不亮${++n}`, body, regionCode: '330502' },
    });
    expect(res.statusCode).toBe(201);
    return res.json().trackingCode as string;
  };
  const track = (code: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/public/clues/${code}`, headers });
  const clueId = async (code: string) => {
    const [row] = await t.database.db
      .select({ id: schema.clues.id })
      .from(schema.clues)
      .where(eq(schema.clues.trackingCode, code.replace(/-/g, '')));
    return row!.id;
  };
  const fire = async (id: string, command: string, input: unknown) => {
    const current = (await staff('GET', `/api/clues/${id}`)).json();
    const res = await staff('POST', `/api/clues/${id}/commands/${command}`, { version: current.version, input });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it("never serves another code's page, whatever the order and spelling of the codes", async () => {
    const a = await submit('东门路灯坏了三个月，晚上出行很不安全，希望尽快修复。');
    const b = await submit('西门井盖松动，车辆经过时响声很大，存在安全隐患。');
    const marker: Record<string, string> = { [a]: '东门', [b]: '西门' };
    const asked = [a, b, a.toLowerCase(), b.replace(/-/g, ''), ` ${a} `.trim(), b];
    const meant = [a, b, a, b, a, b];
    for (const [i, code] of asked.entries()) {
      const res = await track(code);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.trackingCode).toBe(meant[i]);
      expect(page.body).toContain(marker[meant[i]!]);
    }
    // An unknown code is a 404 every time (not cached as anything).
    expectError(await track('ZZZZ-ZZZZ-ZZ'), 404);
    expectError(await track('ZZZZ-ZZZZ-ZZ'), 404);
  });

  it('answers 304 to a matching If-None-Match and the full page otherwise', async () => {
    const code = await submit('菜市场门口积水严重，下雨天无法通行，请有关部门处理。');
    const first = await track(code);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await track(code, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await track(code, { 'if-none-match': 'W/"something-else"' });
    expect(other.statusCode).toBe(200);
    expect(other.json()).toEqual(first.json());
  });

  it('shows a new published step at once (the write clears the cache), with a new entity tag', async () => {
    const code = await submit('公园健身器材损坏多日无人维修，老人锻炼不方便。');
    const id = await clueId(code);
    const before = await track(code);
    expect(before.json().steps.map((s: { label: string }) => s.label)).toEqual(['已收到您的反映']);
    expect((await track(code)).headers.etag).toBe(before.headers.etag); // served from the cache

    await fire(id, 'triage', { category: '城乡建设' });
    await fire(id, 'accept', { createProblem: true });
    await fire(id, 'reply', { text: '已列入整改，请联系13912345678了解进展。' });
    const after = await track(code, { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.json().steps.map((s: { label: string }) => s.label)).toEqual([
      '已收到您的反映',
      '已分拣',
      '已受理',
      '已答复',
    ]);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.json().problem).toBeNull();

    // Publishing the problem it became changes the page too.
    const problemId = (await staff('GET', `/api/clues/${id}`)).json().problemId as string;
    const { version } = (await staff('GET', `/api/problems/${problemId}`)).json();
    const confirmed = await staff('POST', `/api/problems/${problemId}/commands/confirm`, { version, input: {} });
    expect(confirmed.statusCode).toBe(200);
    expect((await track(code)).json().problem).toBeNull(); // confirmed, still not published
    const pub = await staff('PUT', `/api/problems/${problemId}/publication`, {
      published: true,
      measures: false,
      progress: false,
      result: false,
    });
    expect(pub.statusCode).toBe(200);
    expect((await track(code)).json().problem?.id).toBe(problemId);
  });

  it('masks personal data on the first read and on every read served from the cache', async () => {
    const code = await submit('我叫王建国，电话13812345678，身份证330502198001011234，小区东门垃圾长期无人清运。');
    for (let i = 0; i < 3; i++) {
      const text = (await track(code)).body;
      expect(text).toContain('138****5678');
      expect(text).not.toContain('13812345678');
      expect(text).not.toContain('330502198001011234');
      expect(text).not.toContain('王建国');
    }
  });

  it('sees a change written through another app process as soon as its signal arrives', async () => {
    // A second app server on the same database, as behind a load balancer, with a long time to live: only the signal
    // (LISTEN/NOTIFY) can make it drop its copy.
    const other = await buildApp({
      config: loadConfig({ ...baseEnv, RECTIFY_PUBLIC_TRACK_CACHE_MS: '60000' }),
      database: t.database,
      web: false,
    });
    try {
      await other.ready();
      const code = await submit('小区门口人行道砖块松动，雨天踩上去会溅水。');
      const get = () => other.inject({ method: 'GET', url: `/api/public/clues/${code}` });
      const before = (await get()).json();
      expect(before.category).toBeNull();
      await fire(await clueId(code), 'triage', { category: '城乡建设' });
      let seen = before;
      for (let i = 0; i < 100 && seen.category === null; i++) {
        await new Promise((r) => setTimeout(r, 20));
        seen = (await get()).json();
      }
      expect(seen.category).toBe('城乡建设');
    } finally {
      await other.close();
    }
  });

  it('sees a change made by another process once the time to live has passed', async () => {
    // A second app server on the same database, as behind a load balancer, with a short time to live.
    const other = await buildApp({
      config: loadConfig({ ...baseEnv, RECTIFY_PUBLIC_TRACK_CACHE_MS: '2000' }),
      database: t.database,
      web: false,
    });
    try {
      const code = await submit('学校门口路口红绿灯时间太短，孩子过马路很危险。');
      const get = () => other.inject({ method: 'GET', url: `/api/public/clues/${code}` });
      expect((await get()).json().category).toBeNull();
      const cachedBy = Date.now(); // the entry was stored before this answer arrived
      // Changed where this server cannot see it (the first server's process, a job, the CLI).
      await t.database.db
        .update(schema.clues)
        .set({ category: '交通出行' })
        .where(eq(schema.clues.trackingCode, code.replace(/-/g, '')));
      expect((await get()).json().category).toBeNull();
      await new Promise((r) => setTimeout(r, cachedBy + 2050 - Date.now()));
      expect((await get()).json().category).toBe('交通出行');
    } finally {
      await other.close();
    }
  });
});
