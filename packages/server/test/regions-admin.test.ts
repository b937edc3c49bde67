import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { DEMO_ROLES } from '@rectify/domain';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

/** Region admin: POST /api/regions and PATCH /api/regions/:code (region.manage), audited. */

let t: TestPlatform;
const c: Record<string, ReturnType<typeof as>> = {};
beforeAll(async () => {
  t = await startTestPlatform();
  for (const role of DEMO_ROLES) c[role] = as(t.app, await login(t.app, role));
});
afterAll(() => t.close());

const lastAudit = async (action: string) =>
  (
    await t.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, action))
      .orderBy(desc(schema.auditLog.id))
      .limit(1)
  )[0];

describe('creating regions', () => {
  it('creates a town under a county, listed under its parent and audited', async () => {
    const res = await c.admin!('POST', '/api/regions', {
      code: '330502901',
      name: '吴兴区测试新区街道',
      level: 'town',
      parentCode: '330502',
      population: 42000,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      code: '330502901',
      name: '吴兴区测试新区街道',
      level: 'town',
      parentCode: '330502',
      population: 42000,
      timeZone: 'Asia/Shanghai',
    });
    const children = (await c.member!('GET', '/api/regions?parent=330502')).json().items;
    expect(children.map((r: { code: string }) => r.code)).toContain('330502901');
    // The public list carries what the admin pages show: population and time zone.
    expect(children.find((r: { code: string }) => r.code === '330502901')).toMatchObject({
      level: 'town',
      population: 42000,
      timeZone: 'Asia/Shanghai',
    });
    expect(await lastAudit('region.create')).toMatchObject({
      actorUsername: 'admin',
      outcome: 'success',
      regionCode: '330502901',
    });
    // A new county under the city, with its own zone.
    const county = await c.admin!('POST', '/api/regions', {
      code: '330590',
      name: '湖州市测试新区',
      level: 'county',
      parentCode: '330500',
      timeZone: 'Asia/Urumqi',
    });
    expect(county.statusCode).toBe(201);
    expect(county.json()).toMatchObject({ level: 'county', timeZone: 'Asia/Urumqi', population: null });
  });

  it('refuses a code that does not extend its parent or does not match its level (422), a duplicate (409)', async () => {
    const post = (body: Record<string, unknown>) =>
      c.admin!('POST', '/api/regions', { name: '测试区划', level: 'town', parentCode: '330502', ...body });
    expect(expectError(await post({ code: '330503901' }), 422, 'invalid_region_code').message).toContain('330502');
    expectError(await post({ code: '330502', level: 'county', parentCode: '330500' }), 409, 'conflict');
    expectError(await post({ code: '330591', level: 'town' }), 422, 'invalid_region_code');
    expectError(await post({ code: '330502902', level: 'county' }), 422, 'invalid_region_code');
    expectError(await post({ code: '330600', level: 'county', parentCode: '330500' }), 422, 'invalid_region_code');
    expectError(await post({ code: '330502903', parentCode: '330599' }), 404, 'not_found');
    // The province lies outside the administrator's city.
    expectError(await post({ code: '339900', level: 'city', parentCode: '330000' }), 403, 'forbidden');
    const invalid = expectError(await post({ code: '330502904', timeZone: 'Mars/Olympus' }), 400, 'validation_failed');
    expect(invalid.message).toContain('IANA');
    expectError(await post({ code: '33050', level: 'province' }), 400, 'validation_failed');
  });

  it.each(DEMO_ROLES.filter((r) => r !== 'admin'))('%s may not create or change regions', async (role) => {
    expectError(
      await c[role]!('POST', '/api/regions', {
        code: '330502905',
        name: '测试街道',
        level: 'town',
        parentCode: '330502',
      }),
      403,
      'forbidden',
    );
    expectError(await c[role]!('PATCH', '/api/regions/330502', { population: 1 }), 403, 'forbidden');
  });
});

describe('changing regions', () => {
  it('changes name, population and time zone, last write wins, audited with before and after', async () => {
    const res = await c.admin!('PATCH', '/api/regions/330503', { population: 500000, timeZone: 'Asia/Shanghai' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '330503', name: '南浔区', population: 500000 });
    const renamed = (await c.admin!('PATCH', '/api/regions/330503', { version: 0, name: '南浔区（测试）' })).json();
    expect(renamed).toMatchObject({ name: '南浔区（测试）', population: 500000 });
    expect(
      await t.database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, 'region.update'), eq(schema.auditLog.regionCode, '330503')))
        .orderBy(desc(schema.auditLog.id))
        .limit(1),
    ).toMatchObject([
      {
        details: {
          before: { name: '南浔区', population: 500000 },
          after: { name: '南浔区（测试）', population: 500000 },
        },
      },
    ]);
    expect((await c.admin!('PATCH', '/api/regions/330503', {})).json().name).toBe('南浔区（测试）');
  });

  it('refuses unknown regions (404), regions outside the grant (403), bad zones and fields (400)', async () => {
    expectError(await c.admin!('PATCH', '/api/regions/330599', { population: 1 }), 404, 'not_found');
    expectError(await c.admin!('PATCH', '/api/regions/330000', { population: 1 }), 403, 'forbidden');
    expectError(await c.admin!('PATCH', '/api/regions/330503', { timeZone: 'Beijing' }), 400, 'validation_failed');
    expectError(await c.admin!('PATCH', '/api/regions/330503', { level: 'city' }), 400, 'validation_failed');
    expectError(await c.admin!('PATCH', '/api/regions/330503', { population: -5 }), 400, 'validation_failed');
  });
});
