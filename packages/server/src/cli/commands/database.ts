import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '@rectify/db';
import { loadConfig } from '../../config.ts';
import { createLogger, openMigrated } from '../../platform.ts';
import { hasUsers, seedDemo } from '../../demo/seed.ts';

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit' });
    child.on('error', (err) =>
      reject(new Error(`cannot run ${cmd}: ${err.message} (install the PostgreSQL client tools)`)),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}`))));
  });
}

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (a no-op when up to date)')
    .action(async () => {
      const config = loadConfig();
      const database = await openMigrated(config, createLogger(config));
      await database.close();
      console.log(`migrations applied (${database.engine}: ${database.location})`);
    });

  program
    .command('seed')
    .description('seed data into an empty database')
    .requiredOption('--demo', 'the demo city, its units and one account per role')
    .action(async () => {
      const config = loadConfig();
      const log = createLogger(config);
      const database = await openMigrated(config, log);
      try {
        if (await hasUsers(database))
          throw new Error('the database already has users: demo data is seeded only into an empty one');
        const demo = await seedDemo(database, config, log);
        console.log(`demo seeded; accounts ${demo.usernames.join(', ')} with password ${demo.password}`);
      } finally {
        await database.close();
      }
    });

  program
    .command('backup')
    .description('back up the database: pg_dump custom format on a server, a data-folder dump (.tar.gz) on PGlite')
    .argument('<file>', 'output file')
    .action(async (file: string) => {
      const config = loadConfig();
      if (config.databaseUrl) {
        await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.databaseUrl]);
      } else {
        const database = await openDatabase({ dataDir: config.pgliteDir });
        const blob = await database.dumpDataDir!();
        writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
        await database.close();
      }
      console.log(`backup written to ${file}`);
    });

  program
    .command('restore')
    .description('restore a backup made by `rectify backup` (stop the server first)')
    .argument('<file>', 'backup file')
    .option('--force', 'replace existing data (PGlite: the old folder is kept beside it as a .bak folder)')
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      if (!existsSync(file)) throw new Error(`no such backup file: ${file}`);
      if (config.databaseUrl) {
        await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, file]);
      } else {
        const dir = config.pgliteDir;
        if (existsSync(dir) && readdirSync(dir).length > 0) {
          if (!opts.force) throw new Error(`${dir} is not empty: pass --force to replace it`);
          const aside = `${dir}.bak-${Date.now()}`;
          renameSync(dir, aside);
          console.log(`previous data moved to ${aside}`);
        }
        const database = await openDatabase({ dataDir: dir, loadDataDir: new Blob([readFileSync(file)]) });
        await database.close();
      }
      console.log(`restored from ${file}`);
    });
}
