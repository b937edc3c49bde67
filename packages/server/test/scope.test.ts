import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent, insertApiToken, insertUnit, insertUser, upsertRegions, type NewRegion } from '@rectify/db';
import { RULES, ROLES, type Action, type Role, type RoleGrant } from '@rectify/domain';
import { randomToken, sha256Hex } from '../src/lib/crypto.ts';
import { startTestPlatform, type TestPlatform } from './helpers.ts';

/**
 * Property-style scope test: a generated region tree with units, users and events, and for every role a set of
 * users with random grants. Each user must see exactly the rows an independent oracle (walking parent links, not
 * code prefixes) says are in scope — in list pages, totals and CSV exports.
 */

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Tree {
  regions: NewRegion[];
  parent: Map<string, string | null>;
}

/** Province `p` (91–93 are unused by GB/T 2260) → 2–3 cities → 2–3 counties each → 2 towns each. */
function generateTree(rand: () => number, p: string): Tree {
  const regions: NewRegion[] = [{ code: `${p}0000`, name: `测试省${p}`, level: 'province', parentCode: null }];
  const cities = 2 + Math.floor(rand() * 2);
  for (let c = 1; c <= cities; c++) {
    const city = `${p}${String(c).padStart(2, '0')}00`;
    regions.push({ code: city, name: `测试${c}市`, level: 'city', parentCode: `${p}0000` });
    const counties = 2 + Math.floor(rand() * 2);
    for (let k = 1; k <= counties; k++) {
      const county = `${p}${String(c).padStart(2, '0')}${String(k).padStart(2, '0')}`;
      regions.push({ code: county, name: `测试${c}市${k}县`, level: 'county', parentCode: city });
      for (let t = 1; t <= 2; t++) {
        regions.push({
          code: `${county}${String(t).padStart(3, '0')}`,
          name: `测试${c}-${k}-${t}镇`,
          level: 'town',
          parentCode: county,
        });
      }
    }
  }
  return { regions, parent: new Map(regions.map((r) => [r.code, r.parentCode ?? null])) };
}

const pick = <T>(rand: () => number, xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

let t: TestPlatform;
beforeAll(async () => {
  t = await startTestPlatform({ demo: false });
});
afterAll(() => t.close());

interface Row {
  id: string;
  regionCode: string;
  unitId: string | null;
}

function inScope(tree: Tree, row: Row, grants: RoleGrant[], action: Action, rowUnitVisible: boolean): boolean {
  const allowed = RULES[action].roles;
  return grants.some((g) => {
    if (!allowed.includes(g.role)) return false;
    if (g.regionCode) {
      for (let c: string | null = row.regionCode; c; c = tree.parent.get(c) ?? null)
        if (c === g.regionCode) return true;
      return false;
    }
    return rowUnitVisible && row.unitId === g.unitId;
  });
}

async function listAll(token: string, url: string): Promise<{ ids: string[]; total: number; status: number }> {
  const ids: string[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const res = await t.app.inject({
      method: 'GET',
      url: `${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=7`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.statusCode !== 200) return { ids, total, status: res.statusCode };
    const body = res.json() as { items: { id: string | number }[]; total: number };
    total = body.total;
    ids.push(...body.items.map((i) => String(i.id)));
    if (body.items.length < 7) break;
  }
  return { ids, total, status: 200 };
}

async function exportIds(token: string, url: string): Promise<string[]> {
  const res = await t.app.inject({
    method: 'GET',
    url: `${url}?format=csv`,
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  const lines = res.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1);
  return lines.map((l) => l.split(',')[0]!);
}

describe.each([
  [11, '91'],
  [29, '92'],
  [47, '93'],
])('scope with generated tree (seed %i, province %s)', (seed, province) => {
  it('every role sees exactly the rows of its scope in lists, counts and exports', async () => {
    const rand = rng(seed);
    const tree = generateTree(rand, province);
    const db = t.database.db;
    await upsertRegions(db, tree.regions);
    const codes = tree.regions.map((r) => r.code);

    const units: Row[] = [];
    for (let i = 0; i < 14; i++) {
      const u = await insertUnit(db, { name: `单位${seed}-${i}`, kind: 'department', regionCode: pick(rand, codes) });
      units.push({ id: u.id, regionCode: u.regionCode, unitId: u.id });
    }
    const events: Row[] = [];
    for (let i = 0; i < 30; i++) {
      const unit = pick(rand, units);
      const region = rand() < 0.5 ? unit.regionCode : pick(rand, codes);
      const id = await appendEvent(db, {
        actorUserId: null,
        actorUsername: 'seed',
        type: 'test.event',
        subjectType: 'test',
        subjectId: `${seed}-${i}`,
        regionCode: region,
        unitId: unit.id,
      });
      events.push({ id: String(id), regionCode: region, unitId: unit.id });
    }

    const users: (Row & { token: string; grants: RoleGrant[]; role: Role })[] = [];
    for (const role of ROLES) {
      for (let k = 0; k < 3; k++) {
        const home = pick(rand, units);
        const grants: RoleGrant[] = [];
        const n = 1 + Math.floor(rand() * 2);
        for (let g = 0; g < n; g++) {
          grants.push(
            rand() < 0.5
              ? { role, regionCode: pick(rand, codes), unitId: null }
              : { role, regionCode: null, unitId: pick(rand, units).id },
          );
        }
        const username = `u${seed}_${role}_${k}`.replace(/_/g, '-');
        const user = await insertUser(
          db,
          { username, displayName: username, unitId: home.id, regionCode: home.regionCode, passwordHash: 'x' },
          grants,
        );
        const token = `rct_t_${randomToken()}`;
        await insertApiToken(db, { userId: user.id, name: 'test', prefix: 't', tokenHash: sha256Hex(token) });
        users.push({ id: user.id, regionCode: home.regionCode, unitId: home.id, token, grants, role });
      }
    }

    const seededUnitIds = new Set(units.map((u) => u.id));
    const seededEventIds = new Set(events.map((e) => e.id));
    const seededUserIds = new Set(users.map((u) => u.id));
    for (const user of users) {
      const label = `${user.role} ${JSON.stringify(user.grants)}`;

      const expectedUnits = units
        .filter((u) => inScope(tree, u, user.grants, 'unit.read', true))
        .map((u) => u.id)
        .sort();
      const listedUnits = await listAll(user.token, `/api/units?region=${province}0000`);
      expect(listedUnits.ids.filter((id) => seededUnitIds.has(id)).sort(), label).toEqual(expectedUnits);
      expect(
        listedUnits.ids.every((id) => seededUnitIds.has(id)),
        label,
      ).toBe(true);
      expect(listedUnits.total, label).toBe(expectedUnits.length);
      expect((await exportIds(user.token, '/api/units')).filter((id) => seededUnitIds.has(id)).sort(), label).toEqual(
        expectedUnits,
      );

      const canReadEvents = RULES['event.read'].roles.includes(user.role);
      const listedEvents = await listAll(user.token, '/api/events?type=test.event');
      if (!canReadEvents) {
        expect(listedEvents.status, label).toBe(403);
      } else {
        const expectedEvents = events
          .filter((e) => inScope(tree, e, user.grants, 'event.read', true))
          .map((e) => e.id)
          .sort();
        expect(listedEvents.ids.filter((id) => seededEventIds.has(id)).sort(), label).toEqual(expectedEvents);
        expect(listedEvents.total, label).toBe(expectedEvents.length);
      }

      const canReadUsers = RULES['user.read'].roles.includes(user.role);
      const listedUsers = await listAll(user.token, '/api/users');
      if (!canReadUsers) {
        expect(listedUsers.status, label).toBe(403);
      } else {
        const expectedUsers = users
          .filter((u) => inScope(tree, u, user.grants, 'user.read', true))
          .map((u) => u.id)
          .sort();
        expect(listedUsers.ids.filter((id) => seededUserIds.has(id)).sort(), label).toEqual(expectedUsers);
        expect(
          listedUsers.ids.every((id) => seededUserIds.has(id)),
          label,
        ).toBe(true);
        expect(listedUsers.total, label).toBe(expectedUsers.length);
      }

      // Single-row reads obey the same scope: an out-of-scope unit is a 404, not a leak.
      const outside = units.find((u) => !inScope(tree, u, user.grants, 'unit.read', true));
      if (outside) {
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/units/${outside.id}`,
          headers: { authorization: `Bearer ${user.token}` },
        });
        expect(res.statusCode, label).toBe(404);
      }
    }
  });
});
