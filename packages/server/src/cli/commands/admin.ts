import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { Scope, schema } from '@rectify/db';
import { ROLES, type Role } from '@rectify/domain';
import { loadConfig } from '../../config.ts';
import { createLogger, openMigrated } from '../../platform.ts';
import { generatePassword } from '../../lib/passwords.ts';
import { loadRegions } from '../../features/regions/load.ts';
import { createUser } from '../../features/users/service.ts';

export function registerAdminCommands(program: Command): void {
  const user = program.command('user').description('manage accounts');
  user
    .command('create')
    .description('create an account with one role grant')
    .requiredOption('--username <name>')
    .requiredOption('--unit <name-or-id>', 'the unit the person works for')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--name <displayName>', 'display name (defaults to the username)')
    .option('--region <code>', 'grant the role on this region subtree (default: on the unit only)')
    .option('--password <password>', 'initial password (default: generated and printed)')
    .action(
      async (o: {
        username: string;
        unit: string;
        role: string;
        name?: string;
        region?: string;
        password?: string;
      }) => {
        if (!ROLES.includes(o.role as Role)) throw new Error(`unknown role ${o.role}; one of: ${ROLES.join(', ')}`);
        const config = loadConfig();
        const database = await openMigrated(config, createLogger({ ...config, logLevel: 'warn' }));
        try {
          const byId = /^[0-9a-f-]{36}$/.test(o.unit);
          const [unit] = await database.db
            .select()
            .from(schema.units)
            .where(byId ? eq(schema.units.id, o.unit) : eq(schema.units.name, o.unit));
          if (!unit) throw new Error(`no unit named ${o.unit}`);
          const password = o.password ?? generatePassword();
          const created = await createUser(
            database.db,
            Scope.system(),
            { userId: null, username: 'cli' },
            {
              username: o.username,
              displayName: o.name ?? o.username,
              unitId: unit.id,
              password,
              grants: [
                o.region
                  ? { role: o.role as Role, regionCode: o.region, unitId: null }
                  : { role: o.role as Role, regionCode: null, unitId: unit.id },
              ],
            },
          );
          console.log(
            `created ${created.username} (${o.role} on ${o.region ?? unit.name})${o.password ? '' : ` with password ${password}`}`,
          );
        } finally {
          await database.close();
        }
      },
    );

  program
    .command('regions')
    .description('administrative divisions (GB/T 2260)')
    .command('load')
    .description('load divisions down to towns: all of China, or one province/city/county subtree')
    .option('--code <code>', 'root of the subtree to load, e.g. 330000 (Zhejiang) or 330500 (Huzhou); default: all')
    .action(async (o: { code?: string }) => {
      const config = loadConfig();
      const database = await openMigrated(config, createLogger({ ...config, logLevel: 'warn' }));
      try {
        const t0 = performance.now();
        const n = await loadRegions(database.db, o.code, (done, total) =>
          process.stderr.write(`\rloading regions ${done}/${total}`),
        );
        process.stderr.write('\n');
        console.log(
          `loaded ${n} regions${o.code ? ` under ${o.code}` : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
      } finally {
        await database.close();
      }
    });
}
