import type { Logger } from 'pino';
import type { Database } from '@rectify/db';
import { Ledger, SqlLedgerStore } from '@rectify/ledger';
import type { Config } from '../../config.ts';
import { appendJournal, signCheckpointIfGrown, storeCosignatures, type CheckpointResult } from './checkpoints.ts';
import { loadOrCreateLogKey, type LogKey } from './keys.ts';
import { sequenceOutbox } from './sequencer.ts';
import {
  hasSignatureBy,
  mergeSignatureLines,
  parseWitnesses,
  WitnessClient,
  type FetchLike,
  type WitnessEndpoint,
} from './witnesses.ts';

/**
 * The platform's side of the transparency log: the sequencer (outbox → leaves), the checkpoint job (sign when the
 * tree grew, then ask witnesses to cosign) and their background loops. Every step is also callable directly.
 */
export class LedgerService {
  readonly key: LogKey;
  readonly witnesses: WitnessEndpoint[];
  private readonly witnessClient: WitnessClient;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private running = new Set<Promise<unknown>>();
  private stopped = false;

  constructor(
    private readonly config: Config,
    private readonly database: Database,
    private readonly log: Logger,
    opts: { fetch?: FetchLike } = {},
  ) {
    this.key = loadOrCreateLogKey(config.ledger.keyFile, config.ledger.origin);
    this.witnesses = parseWitnesses(config.ledger.witnesses);
    const ledger = new Ledger(new SqlLedgerStore(database.sql));
    this.witnessClient = new WitnessClient((from, to) => ledger.consistencyProof(from, to), opts.fetch);
  }

  /** Drains the outbox into the log. */
  async sequence(): Promise<{ appended: number; batches: number; size: number }> {
    const t0 = performance.now();
    const r = await sequenceOutbox(this.database, { batchSize: this.config.ledger.batchSize });
    if (r.appended > 0)
      this.log.info(
        { job: 'ledger.sequence', ...r, ms: Math.round(performance.now() - t0) },
        'events sequenced into the log',
      );
    return r;
  }

  /** Signs a checkpoint if the tree grew, then collects missing cosignatures on the latest one. */
  async checkpoint(): Promise<CheckpointResult & { cosigned: string[] }> {
    const r = await signCheckpointIfGrown(this.database, this.key, this.config.ledger.origin);
    if (r.signed) this.log.info({ job: 'ledger.checkpoint', size: r.size }, 'checkpoint signed');
    const cosigned: string[] = [];
    let note = r.note;
    for (const w of this.witnesses) {
      if (hasSignatureBy(note, w)) continue;
      const out = await this.witnessClient.submit(w, note, r.size);
      if (!out.ok) {
        this.log.warn(
          { job: 'ledger.witness', witness: w.name, size: r.size, status: out.status, reason: out.reason },
          'witness did not cosign',
        );
        continue;
      }
      note = (await storeCosignatures(this.database, r.size, (n) => mergeSignatureLines(n, out.lines))) ?? note;
      cosigned.push(w.name);
      this.log.info({ job: 'ledger.witness', witness: w.name, size: r.size }, 'checkpoint cosigned');
    }
    if (cosigned.length > 0) appendJournal(this.key.file, r.size, note);
    return { ...r, note, cosigned };
  }

  /** Sequencer then checkpoint job, once (tests, CLI). */
  async runOnce() {
    const sequenced = await this.sequence();
    const checkpoint = await this.checkpoint();
    return { sequenced, checkpoint };
  }

  /** Starts both loops; each runs immediately, then every configured interval, and logs (never throws) failures. */
  start(): void {
    this.stopped = false;
    this.loop('ledger.sequence', this.config.ledger.sequenceSeconds, () => this.sequence());
    this.loop('ledger.checkpoint', this.config.ledger.checkpointSeconds, async () => {
      await this.sequence();
      await this.checkpoint();
    });
  }

  private loop(job: string, seconds: number, f: () => Promise<unknown>): void {
    const tick = () => {
      if (this.stopped) return;
      const run = f()
        .catch((err: unknown) => this.log.error({ job, err }, 'ledger job failed'))
        .finally(() => {
          this.running.delete(run);
          if (!this.stopped) this.timers.set(job, setTimeout(tick, seconds * 1000).unref());
        });
      this.running.add(run);
    };
    tick();
  }

  /** Stops the loops and waits for a run in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.running]);
  }
}
