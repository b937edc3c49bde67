import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { and, eq, sql } from 'drizzle-orm';
import {
  findRegion,
  insertUnit,
  listRegions,
  saveRegionSettings,
  schema,
  Scope,
  type Database,
  type UnitRow,
} from '@rectify/db';
import { passwordProblems } from '@rectify/domain';
import type { Config } from '../config.ts';
import { generatePassword } from '../lib/passwords.ts';
import { loadRegions } from '../features/regions/load.ts';
import { createUser } from '../features/users/service.ts';
import { CITY_UNITS, DEMO_ACCOUNTS, DEMO_CITY, DEMO_COUNTY_TARGETS, DEMO_ROUTING } from './org.ts';
import { seedDemoProblems } from './problems.ts';
import { seedDemoClues } from './clues.ts';
import { seedDemoBulletins } from './bulletins.ts';
import { seedDemoOpinion } from './opinion.ts';

const SYSTEM_ACTOR = { userId: null, username: 'system' };

export interface DemoAccounts {
  password: string;
  usernames: string[];
}

const credentialsFile = (config: Config) => join(config.dataDir, 'demo-accounts.txt');

export async function hasUsers(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(schema.users);
  return Number(row?.n ?? 0) > 0;
}

/** The demo password as printed at first seeding (kept in the data folder so every start can print it again). */
export function readDemoAccounts(config: Config): DemoAccounts | undefined {
  const file = credentialsFile(config);
  if (!existsSync(file)) return undefined;
  const password = readFileSync(file, 'utf8').match(/^password: (.+)$/m)?.[1];
  return password ? { password, usernames: DEMO_ACCOUNTS.map((a) => a.role) } : undefined;
}

/**
 * Seeds the demo organisation of 湖州市 on an empty database: its regions down to towns, CPPCC, party committee,
 * government, departments, county governments, town offices, a third-party evaluator and one account per role.
 */
export async function seedDemo(
  database: Database,
  config: Config,
  log: Logger,
  options: { problems?: boolean } = {},
): Promise<DemoAccounts> {
  const password = config.demoPassword ?? generatePassword();
  const problems = passwordProblems(password);
  if (problems.length > 0)
    throw new Error(`RECTIFY_DEMO_PASSWORD does not meet the password policy: ${problems.join('; ')}`);
  // One transaction: an interrupted seed leaves nothing half-made behind.
  return database.db.transaction(async (db) => {
    if (!(await findRegion(db, DEMO_CITY.code))) {
      const n = await loadRegions(db, DEMO_CITY.code);
      log.info({ regions: n, root: DEMO_CITY.code }, 'loaded demo regions');
    }

    const units = new Map<string, UnitRow>();
    const addUnit = async (name: string, kind: UnitRow['kind'], regionCode: string) => {
      const [existing] = await db
        .select()
        .from(schema.units)
        .where(and(eq(schema.units.regionCode, regionCode), eq(schema.units.name, name)));
      const unit = existing ?? (await insertUnit(db, { name, kind, regionCode }));
      units.set(name, unit);
      return unit;
    };
    for (const u of CITY_UNITS) await addUnit(u.name, u.kind, DEMO_CITY.code);
    const counties = await listRegions(db, { parent: DEMO_CITY.code });
    for (const county of counties) {
      const gov = await addUnit(`${county.name}人民政府`, 'government', county.code);
      await addUnit(`政协${DEMO_CITY.name}${county.name}委员会`, 'cppcc', county.code);
      const towns = (await listRegions(db, { parent: county.code })).slice(0, 3);
      for (const town of towns) {
        const name = town.name.endsWith('街道') ? `${town.name}办事处` : `${town.name}人民政府`;
        const unit = await addUnit(name, 'town', town.code);
        if (!unit.parentId) await db.update(schema.units).set({ parentId: gov.id }).where(eq(schema.units.id, unit.id));
      }
    }

    // Region settings: the city routes each category to its departments; one county asks more of itself on one KPI,
    // so the admin pages show a value set here, one inherited from the city and one left at its default.
    const unitId = (name: string) => units.get(name)!.id;
    await saveRegionSettings(
      db,
      DEMO_CITY.code,
      0,
      {
        routing: DEMO_ROUTING.map((r) => ({
          category: r.category,
          leadUnitId: unitId(r.lead),
          cooperatingUnitIds: r.cooperating.map(unitId),
        })),
      },
      null,
    );
    if (counties[0]) await saveRegionSettings(db, counties[0].code, 0, { kpiTargets: DEMO_COUNTY_TARGETS }, null);

    for (const account of DEMO_ACCOUNTS) {
      const unit = units.get(account.unit)!;
      await createUser(db, Scope.system(), SYSTEM_ACTOR, {
        username: account.role,
        displayName: account.displayName,
        unitId: unit.id,
        password,
        grants: [
          account.scope === 'city'
            ? { role: account.role, regionCode: DEMO_CITY.code, unitId: null }
            : { role: account.role, regionCode: null, unitId: unit.id },
        ],
      });
    }
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(
      credentialsFile(config),
      `# Rectify demo accounts (created ${new Date().toISOString()}); delete this file once you change the passwords\n` +
        `usernames: ${DEMO_ACCOUNTS.map((a) => a.role).join(' ')}\npassword: ${password}\n`,
      { mode: 0o600 },
    );
    log.info({ units: units.size, accounts: DEMO_ACCOUNTS.length }, 'seeded demo organisation');
    if (options.problems !== false) await seedDemoProblems(db, password, log);
    if (options.problems !== false) await seedDemoBulletins(db, log);
    if (options.problems !== false && config.clues.demo) await seedDemoClues(db, config, log);
    if (options.problems !== false && config.clues.demo) await seedDemoOpinion(db, config, log);
    return { password, usernames: DEMO_ACCOUNTS.map((a) => a.role) };
  });
}
