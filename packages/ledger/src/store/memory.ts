import { AppendConflictError, StoreInconsistencyError, InvalidArgumentError } from '../errors.ts';
import type { NodeId } from '../tree/node-id.ts';
import { rangeNodes } from '../tree/node-id.ts';
import type { AppendBatch, LeafRecord, LedgerStore, StoredCheckpoint } from './types.ts';

/** In-memory LedgerStore for tests, tools and small logs. Not shared between processes. */
export class MemoryLedgerStore implements LedgerStore {
  private readonly data: Uint8Array[] = [];
  /** levels[l][i] = hash of perfect node (l, i); levels[0] are leaf hashes. */
  private readonly levels: Uint8Array[][] = [[]];
  private readonly checkpoints = new Map<number, string>();

  async size(): Promise<number> {
    return this.data.length;
  }

  async appendBatch(batch: AppendBatch): Promise<void> {
    if (batch.start !== this.data.length) throw new AppendConflictError(`append at ${batch.start} but size is ${this.data.length}`);
    for (const l of batch.leaves) {
      this.data.push(l.data);
      this.levels[0]!.push(l.hash);
    }
    for (const n of batch.nodes) {
      while (this.levels.length <= n.level) this.levels.push([]);
      const lvl = this.levels[n.level]!;
      if (n.index !== lvl.length) throw new StoreInconsistencyError(`node ${n.level}/${n.index} out of order`);
      lvl.push(n.hash);
    }
  }

  async readFrontier(): Promise<{ size: number; hashes: Uint8Array[] }> {
    const size = this.data.length;
    return { size, hashes: await this.readNodes(rangeNodes(0, size)) };
  }

  async readNodes(ids: readonly NodeId[]): Promise<Uint8Array[]> {
    return ids.map((id) => {
      const h = this.levels[id.level]?.[id.index];
      if (h === undefined) throw new StoreInconsistencyError(`missing node ${id.level}/${id.index}`);
      return h;
    });
  }

  async readLevel(level: number, start: number, end: number): Promise<Uint8Array[]> {
    const lvl = this.levels[level] ?? [];
    if (end > lvl.length || start > end) throw new InvalidArgumentError(`level ${level} has ${lvl.length} nodes, asked [${start}, ${end})`);
    return lvl.slice(start, end);
  }

  async readLeaves(start: number, end: number): Promise<LeafRecord[]> {
    if (end > this.data.length || start > end) throw new InvalidArgumentError(`log has ${this.data.length} leaves, asked [${start}, ${end})`);
    const out: LeafRecord[] = [];
    for (let i = start; i < end; i++) out.push({ index: i, data: this.data[i]!, hash: this.levels[0]![i]! });
    return out;
  }

  async putCheckpoint(cp: StoredCheckpoint): Promise<void> {
    if (!this.checkpoints.has(cp.size)) this.checkpoints.set(cp.size, cp.note);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    let best: StoredCheckpoint | undefined;
    for (const [size, note] of this.checkpoints) if (best === undefined || size > best.size) best = { size, note };
    return best;
  }
}
