import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a witness remembers per log origin: the latest checkpoint it cosigned. */
export interface WitnessLogState {
  readonly size: number;
  /** base64 root of that checkpoint. */
  readonly root: string;
}

/**
 * Witness persistence. `compareAndSwap` must be atomic: it stores `next` only if the recorded size
 * for `origin` is still `expectedSize` (0 when nothing is recorded), so concurrent requests cannot
 * roll the log back (the race described in C2SP tlog-witness).
 */
export interface WitnessStateStore {
  get(origin: string): Promise<WitnessLogState | undefined>;
  compareAndSwap(origin: string, expectedSize: number, next: WitnessLogState): Promise<boolean>;
}

/** In-memory state, for tests and ephemeral witnesses. */
export class MemoryWitnessState implements WitnessStateStore {
  private readonly map = new Map<string, WitnessLogState>();

  async get(origin: string): Promise<WitnessLogState | undefined> {
    return this.map.get(origin);
  }

  async compareAndSwap(origin: string, expectedSize: number, next: WitnessLogState): Promise<boolean> {
    if ((this.map.get(origin)?.size ?? 0) !== expectedSize) return false;
    this.map.set(origin, next);
    return true;
  }
}

/**
 * State in one JSON file `{ "<origin>": { "size": n, "root": "<b64>" } }`, rewritten atomically
 * (temp file + rename) on every change. Safe for one process: updates are serialised in memory;
 * do not point two witness processes at the same file.
 */
export class JsonFileWitnessState implements WitnessStateStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  private async load(): Promise<Record<string, WitnessLogState>> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Record<string, WitnessLogState>;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw e;
    }
  }

  async get(origin: string): Promise<WitnessLogState | undefined> {
    return (await this.load())[origin];
  }

  compareAndSwap(origin: string, expectedSize: number, next: WitnessLogState): Promise<boolean> {
    const run = this.queue.then(async () => {
      const all = await this.load();
      if ((all[origin]?.size ?? 0) !== expectedSize) return false;
      all[origin] = next;
      await mkdir(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(all, null, 2) + '\n');
      await rename(tmp, this.file);
      return true;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
