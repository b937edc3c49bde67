import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
let admin: ReturnType<typeof as>;
let session: Awaited<ReturnType<typeof login>>;
beforeAll(async () => {
  t = await startTestPlatform({ env: { RECTIFY_BODY_LIMIT_BYTES: '4096' } });
  session = await login(t.app, 'admin');
  admin = as(t.app, session);
});
afterAll(() => t.close());

/** A fingerprint of everything stored, to show a refused request changed nothing. */
async function snapshot() {
  const { rows } = await t.database.sql.query<{ units: number; users: number; events: number; grants: number }>(
    `select (select count(*)::int from units) units, (select count(*)::int from users) users,
            (select count(*)::int from events) events, (select count(*)::int from role_grants) grants`,
  );
  const names = await t.database.sql.query<{ s: string }>(
    `select string_agg(name || version, ',' order by id) s from units`,
  );
  return { ...rows[0], names: names.rows[0]!.s };
}

const raw = (method: 'POST' | 'PATCH', url: string, body: string, contentType = 'application/json') =>
  t.app.inject({
    method,
    url,
    payload: body,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType },
  });

describe('bad input is refused with the error shape and stores nothing', () => {
  it.each([
    ['malformed JSON', () => raw('POST', '/api/units', '{"name": "湖州', 'application/json'), 400, 'bad_request'],
    [
      'wrong types',
      () => admin('POST', '/api/units', { name: 42, kind: 'department', regionCode: '330500' }),
      400,
      'validation_failed',
    ],
    [
      'unknown kind',
      () => admin('POST', '/api/units', { name: '某局', kind: 'ministry', regionCode: '330500' }),
      400,
      'validation_failed',
    ],
    [
      'bad region code',
      () => admin('POST', '/api/units', { name: '某局', kind: 'department', regionCode: '33-05' }),
      400,
      'validation_failed',
    ],
    [
      'unknown field',
      () => admin('POST', '/api/units', { name: '某局', kind: 'department', regionCode: '330500', isAdmin: true }),
      400,
      'validation_failed',
    ],
    ['missing field', () => admin('POST', '/api/units', { kind: 'department' }), 400, 'validation_failed'],
    [
      'oversize body',
      () => admin('POST', '/api/units', { name: '长'.repeat(5000), kind: 'department', regionCode: '330500' }),
      413,
      'payload_too_large',
    ],
    [
      'wrong content type',
      () => raw('POST', '/api/units', '<unit/>', 'application/xml'),
      415,
      'unsupported_media_type',
    ],
    [
      'bad id in path',
      () => admin('PATCH', '/api/units/not-a-uuid', { version: 1, name: '新名称' }),
      400,
      'validation_failed',
    ],
    ['bad query value', () => admin('GET', '/api/units?pageSize=100000'), 400, 'validation_failed'],
    [
      'region not loaded',
      () => admin('POST', '/api/units', { name: '某局', kind: 'department', regionCode: '110101' }),
      403,
      'forbidden',
    ],
    [
      'user with weak password',
      () =>
        admin('POST', '/api/users', {
          username: 'weakling',
          displayName: '弱',
          unitId: '00000000-0000-4000-8000-000000000000',
          password: '123',
          grants: [{ role: 'member', regionCode: '330500' }],
        }),
      400,
      'password_policy',
    ],
    [
      'grant with two scopes',
      () =>
        admin('POST', '/api/users', {
          username: 'twoscopes',
          displayName: '二',
          unitId: '00000000-0000-4000-8000-000000000000',
          password: 'Good-Passw0rd!',
          grants: [{ role: 'member', regionCode: '330500', unitId: '00000000-0000-4000-8000-000000000000' }],
        }),
      400,
      'validation_failed',
    ],
  ])('%s', async (_name, send, status, code) => {
    const before = await snapshot();
    const res = await send();
    const err = expectError(res, status, code);
    expect(err.message.length).toBeGreaterThan(3);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a stale version with 409 and keeps the first writer’s change', async () => {
    const list = (await admin('GET', '/api/units?q=教育局')).json().items;
    const unit = list[0];
    const first = await admin('PATCH', `/api/units/${unit.id}`, { version: unit.version, name: '湖州市教育局（改）' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(unit.version + 1);
    const before = await snapshot();
    const second = await admin('PATCH', `/api/units/${unit.id}`, {
      version: unit.version,
      name: '湖州市教育局（冲突）',
    });
    expect(expectError(second, 409, 'conflict').message).toContain('已被他人修改');
    expect(await snapshot()).toEqual(before);
    expect((await admin('GET', `/api/units/${unit.id}`)).json().name).toBe('湖州市教育局（改）');
  });

  it('resolves concurrent updates of one version to exactly one winner', async () => {
    const unit = (await admin('GET', '/api/units?q=水利局')).json().items[0];
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        admin('PATCH', `/api/units/${unit.id}`, { version: unit.version, name: `湖州市水利局${i}` }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const events = (await admin('GET', `/api/events?subjectType=unit&subjectId=${unit.id}&type=unit.updated`)).json();
    expect(events.total).toBe(1);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    expectError(await admin('GET', '/api/nope'), 404, 'not_found');
  });

  it('refuses edits to the append-only event table at the database', async () => {
    await expect(t.database.sql.query(`update events set type = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.database.sql.query(`delete from audit_log`)).rejects.toThrow(/append-only/);
  });
});
