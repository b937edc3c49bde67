import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { DEMO_ROLES } from '@rectify/domain';
import { as, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

async function unitId(t: TestPlatform, name: string): Promise<string> {
  const [u] = await t.database.db.select().from(schema.units).where(eq(schema.units.name, name));
  return u!.id;
}

describe('permissions of every demo role', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform();
  });
  afterAll(() => t.close());

  const matrix: Record<string, { manageUnits: number; readUsers: number; readAudit: number; manageUsers: number }> = {
    admin: { manageUnits: 201, readUsers: 200, readAudit: 200, manageUsers: 201 },
    cppcc_staff: { manageUnits: 403, readUsers: 200, readAudit: 403, manageUsers: 403 },
    member: { manageUnits: 403, readUsers: 403, readAudit: 403, manageUsers: 403 },
    supervisor: { manageUnits: 403, readUsers: 403, readAudit: 403, manageUsers: 403 },
    leader: { manageUnits: 403, readUsers: 200, readAudit: 403, manageUsers: 403 },
    unit_liaison: { manageUnits: 403, readUsers: 403, readAudit: 403, manageUsers: 403 },
    unit_head: { manageUnits: 403, readUsers: 200, readAudit: 403, manageUsers: 403 },
    evaluator: { manageUnits: 403, readUsers: 403, readAudit: 403, manageUsers: 403 },
  };

  it.each(DEMO_ROLES)('%s gets exactly its permissions, and refusals are audited', async (role) => {
    const s = as(t.app, await login(t.app, role));
    const expected = matrix[role]!;
    const created = await s('POST', '/api/units', {
      name: `${role}新建单位`,
      kind: 'department',
      regionCode: '330500',
    });
    expect(created.statusCode).toBe(expected.manageUnits);
    expect((await s('GET', '/api/users')).statusCode).toBe(expected.readUsers);
    expect((await s('GET', '/api/audit')).statusCode).toBe(expected.readAudit);
    const newUser = await s('POST', '/api/users', {
      username: `new-${role.replace('_', '-')}`,
      displayName: '新用户',
      unitId: await unitId(t, '湖州市教育局'),
      password: 'Fresh-Passw0rd!',
      grants: [{ role: 'unit_liaison', unitId: await unitId(t, '湖州市教育局') }],
    });
    expect(newUser.statusCode).toBe(expected.manageUsers);
    if (expected.manageUsers === 403) {
      const [denied] = await t.database.db
        .select()
        .from(schema.auditLog)
        .where(eq(schema.auditLog.action, 'access.denied'))
        .orderBy(desc(schema.auditLog.id))
        .limit(1);
      expect(denied?.actorUsername).toBe(role);
      expect(denied?.details).toMatchObject({ permission: 'user.manage' });
    }
    expect((await s('GET', '/api/units')).statusCode).toBe(200);
  });

  it('the console is told separation of duties is off by default', async () => {
    const s = as(t.app, await login(t.app, 'admin'));
    expect((await s('GET', '/api/auth/me')).json().user.separationOfDuties).toBe(false);
  });

  it('a unit-scoped liaison sees only its own unit', async () => {
    const s = as(t.app, await login(t.app, 'unit_liaison'));
    const body = (await s('GET', '/api/units')).json();
    expect(body.total).toBe(1);
    expect(body.items[0].name).toBe('湖州市住房和城乡建设局');
  });

  it('an administrator cannot grant roles outside their own region', async () => {
    const s = as(t.app, await login(t.app, 'admin'));
    const res = await s('POST', '/api/users', {
      username: 'beijing-staff',
      displayName: '越权',
      unitId: await unitId(t, '湖州市教育局'),
      password: 'Fresh-Passw0rd!',
      grants: [{ role: 'cppcc_staff', regionCode: '110000' }],
    });
    expectError(res, 403, 'forbidden');
  });
});

describe('separation of duties (三员分立)', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ env: { RECTIFY_SEPARATION_OF_DUTIES: 'true' } });
    // The demo has one admin; create the security and audit administrators through the system scope.
    const { createUser } = await import('../src/features/users/service.ts');
    const { Scope } = await import('@rectify/db');
    const unit = await unitId(t, '湖州市人民政府');
    for (const role of ['security_admin', 'audit_admin'] as const) {
      await createUser(
        t.database.db,
        Scope.system(),
        { userId: null, username: 'test' },
        {
          username: role.replace('_', '-'),
          displayName: role,
          unitId: unit,
          password: 'Duty-Passw0rd!',
          grants: [{ role, regionCode: '330500', unitId: null }],
        },
      );
    }
  });
  afterAll(() => t.close());

  it('the server tells the console that separation of duties is in force', async () => {
    const s = as(t.app, await login(t.app, 'admin'));
    expect((await s('GET', '/api/auth/me')).json().user.separationOfDuties).toBe(true);
  });

  it('the system administrator can no longer manage users or read the audit log', async () => {
    const s = as(t.app, await login(t.app, 'admin'));
    expect((await s('GET', '/api/audit')).statusCode).toBe(403);
    expect((await s('GET', '/api/users')).statusCode).toBe(403);
    expect(
      (await s('POST', '/api/units', { name: '新单位甲', kind: 'department', regionCode: '330500' })).statusCode,
    ).toBe(201);
  });

  it('the security administrator manages users but cannot read the audit log or manage units', async () => {
    const s = as(t.app, await login(t.app, 'security-admin', 'Duty-Passw0rd!'));
    expect((await s('GET', '/api/users')).statusCode).toBe(200);
    expect((await s('GET', '/api/audit')).statusCode).toBe(403);
    expect(
      (await s('POST', '/api/units', { name: '新单位乙', kind: 'department', regionCode: '330500' })).statusCode,
    ).toBe(403);
  });

  it('the audit administrator reads the audit log and nothing it could alter', async () => {
    const s = as(t.app, await login(t.app, 'audit-admin', 'Duty-Passw0rd!'));
    const audit = await s('GET', '/api/audit?action=access.denied');
    expect(audit.statusCode).toBe(200);
    expect(audit.json().total).toBeGreaterThanOrEqual(3);
    expect((await s('GET', '/api/users')).statusCode).toBe(403);
    expect(
      (await s('POST', '/api/units', { name: '新单位丙', kind: 'department', regionCode: '330500' })).statusCode,
    ).toBe(403);
    const csv = await s('GET', '/api/audit?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('access.denied');
  });
});
