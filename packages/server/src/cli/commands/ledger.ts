import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openDatabase, type Database } from '@rectify/db';
import { SqlLedgerStore, writeTiles } from '@rectify/ledger';
import { loadConfig, type Config } from '../../config.ts';
import { auditLedger } from '../../features/ledger/audit.ts';
import { journalFile, readJournal } from '../../features/ledger/checkpoints.ts';
import { readLogKey } from '../../features/ledger/keys.ts';
import { LedgerService } from '../../features/ledger/service.ts';
import { createLogger } from '../../platform.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

async function withDatabase<T>(config: Config, f: (db: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.pgliteDir,
    poolSize: 2,
  });
  try {
    return await f(database);
  } finally {
    await database.close();
  }
}

/**
 * `rectify ledger …`: audit the database against the transparency log, publish it as a static tlog-tiles folder, run
 * the sequencer and checkpoint job once. On PGlite, stop the server first (one process per data folder).
 */
export function registerLedgerCommands(program: Command): void {
  const ledger = program.command('ledger').description('the transparency log of all events (docs/ledger.md)');

  ledger
    .command('audit')
    .description('check every event against the log; exit 1 naming the first discrepancy')
    .option('--key <vkey>', 'log verifier key (default: derived from the key file)')
    .option(
      '--checkpoint <file>',
      'another signed checkpoint to compare, e.g. one held by a witness (repeatable)',
      collect,
      [],
    )
    .option('--no-journal', 'ignore the checkpoint journal beside the key file')
    .action(async (o: { key?: string; checkpoint: string[]; journal: boolean }) => {
      const config = loadConfig();
      const vkey = o.key ?? (existsSync(config.ledger.keyFile) ? readLogKey(config.ledger.keyFile).vkey : undefined);
      if (vkey === undefined) throw new Error(`no log key at ${config.ledger.keyFile}: pass --key <vkey>`);
      const extraNotes = o.checkpoint.map((f) => ({ source: f, note: readFileSync(f, 'utf8') }));
      if (o.journal) {
        const j = readJournal(config.ledger.keyFile);
        extraNotes.push(
          ...j.notes.map((note, i) => ({ source: `${journalFile(config.ledger.keyFile)} line ${i + 1}`, note })),
        );
      }
      const t0 = performance.now();
      const report = await withDatabase(config, (db) => auditLedger(db, { vkey, extraNotes }));
      const summary = {
        events: report.events,
        leaves: report.leaves,
        pending: report.pending,
        checkpoints: report.checkpoints,
      };
      const ms = Math.round(performance.now() - t0);
      if (report.ok) {
        console.log(
          `ledger audit passed in ${ms} ms: ${report.events} events, ${report.leaves} leaves, ${report.pending} pending in the outbox, ${report.checkpoints} checkpoints (key ${vkey})`,
        );
        console.log(JSON.stringify({ ok: true, ...summary }));
        process.exitCode = 0;
        return;
      }
      const [first, ...rest] = report.discrepancies;
      console.log(`ledger audit FAILED: ${first!.message}`);
      for (const d of rest) console.log(`  also: ${d.message}`);
      console.log(
        JSON.stringify({
          ok: false,
          kind: first!.kind,
          error: first!.message,
          discrepancies: report.discrepancies.length,
          ...summary,
        }),
      );
      process.exitCode = 1;
    });

  ledger
    .command('publish')
    .description('write the latest checkpoint and its tiles to a folder (C2SP tlog-tiles), for static hosting')
    .argument('<dir>', 'output folder')
    .option(
      '--entries',
      'also write entry bundles (the full bytes of every event: only for logs whose events are public)',
    )
    .action(async (dir: string, o: { entries?: boolean }) => {
      const config = loadConfig();
      const out = await withDatabase(config, async (db) => {
        const store = new SqlLedgerStore(db.sql);
        const cp = await store.latestCheckpoint();
        if (!cp) throw new Error('no checkpoint yet: start the platform or run `rectify ledger sequence` first');
        return writeTiles(dir, store, cp.note, { entries: o.entries === true });
      });
      console.log(JSON.stringify({ ok: true, dir, ...out }));
    });

  ledger
    .command('sequence')
    .description('move pending events into the log and sign a checkpoint now (what the server does in the background)')
    .action(async () => {
      const config = loadConfig();
      const r = await withDatabase(config, (db) => new LedgerService(config, db, createLogger(config)).runOnce());
      console.log(
        JSON.stringify({
          ok: true,
          appended: r.sequenced.appended,
          size: r.checkpoint.size,
          signed: r.checkpoint.signed,
          cosigned: r.checkpoint.cosigned,
        }),
      );
    });
}
