import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { createLogger, openMigrated } from '../../platform.ts';
import { parseMappingSpec, importWorkOrders } from './service.ts';
import { rekeyContacts } from '../clues/rekey.ts';

/** `rectify clues import FILE --region 330500 [--map field=列,…] [--channel hotline] [--commit] [--partial]`. */
export function registerClueCommands(program: Command): void {
  const clues = program.command('clues').description('public-opinion clues (docs/public.md)');
  clues
    .command('import <file>')
    .description('import hotline / platform work orders from CSV (UTF-8 or GBK) or XLSX; a dry run unless --commit')
    .requiredOption('--region <code>', 'region of rows without a region column; every row must lie inside it')
    .option(
      '--map <spec>',
      'column mapping field=列名,… (fields: externalRef,title,body,region,receivedAt,category,address,name,phone)',
    )
    .option('--channel <channel>', 'hotline or platform', 'hotline')
    .option('--commit', 'write the clues (default: dry run)')
    .option('--partial', 'import the valid rows even if others have errors')
    .action(
      async (
        file: string,
        o: { region: string; map?: string; channel: string; commit?: boolean; partial?: boolean },
      ) => {
        if (o.channel !== 'hotline' && o.channel !== 'platform')
          throw new Error('--channel must be hotline or platform');
        const config = loadConfig();
        const database = await openMigrated(config, createLogger({ ...config, logLevel: 'warn' }));
        try {
          const report = await importWorkOrders(database, config, readFileSync(file), {
            filename: basename(file),
            channel: o.channel,
            regionCode: o.region,
            mapping: o.map ? parseMappingSpec(o.map) : undefined,
            dryRun: !o.commit,
            partial: o.partial ?? false,
            actor: undefined,
            onProgress: (done, total) => process.stderr.write(`\rimported ${done}/${total}`),
          });
          process.stderr.write('\n');
          for (const e of report.errors.slice(0, 50))
            console.error(`row ${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.message}`);
          if (report.errors.length > 50) console.error(`… and ${report.errors.length - 50} more errors`);
          console.log(
            `${report.format}${report.encoding ? ` (${report.encoding})` : ''}: ${report.total} rows, ${report.valid} valid, ` +
              `${report.duplicates} already imported, ${report.failed} with errors; ` +
              (report.dryRun
                ? 'dry run, nothing written'
                : report.imported
                  ? `${report.inserted} imported`
                  : 'nothing imported'),
          );
          if (report.errors.length > 0 && !o.partial) process.exitCode = 1;
        } finally {
          await database.close();
        }
      },
    );

  clues
    .command('rekey')
    .description('re-encrypt every reporter contact sealed with an older key with the current (first) key')
    .action(async () => {
      const config = loadConfig();
      const database = await openMigrated(config, createLogger({ ...config, logLevel: 'warn' }));
      try {
        const n = await rekeyContacts(database.db, config, (done) => process.stderr.write(`\rre-encrypted ${done}`));
        process.stderr.write('\n');
        console.log(`re-encrypted ${n} contacts`);
      } finally {
        await database.close();
      }
    });
}
