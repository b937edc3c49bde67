import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { concatBytes, utf8 } from '../encoding.ts';
import { MalformedNoteError, StoreInconsistencyError } from '../errors.ts';
import { parseCheckpoint } from '../checkpoint/checkpoint.ts';
import type { LedgerStore } from '../store/types.ts';
import { encodeEntryBundle } from './bundle.ts';
import { hashesAtTileLevel } from './layout.ts';
import { TILE_HEIGHT, TILE_WIDTH, tilePath } from './path.ts';

export interface WriteTilesOptions {
  /** Also write entry bundles (default true). */
  readonly entries?: boolean;
  /** Tiles read from the store per query (default 64 tiles = 16,384 hashes). */
  readonly tilesPerRead?: number;
}

async function put(dir: string, path: string, data: Uint8Array): Promise<void> {
  const file = join(dir, ...path.split('/'));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, data);
}

/**
 * Publishes a log as a C2SP tlog-tiles folder: every hash tile and entry bundle for the size in
 * `signedCheckpoint`, then the `checkpoint` file last (renamed into place) so a reader never sees a
 * checkpoint whose tiles are not there yet. Existing files are overwritten; full tiles are
 * immutable so rewriting them is harmless.
 * Preconditions: `signedCheckpoint` is a signed note whose body is a checkpoint of this store's
 * tree; the store holds at least that many leaves. Returns the number of files written.
 */
export async function writeTiles(dir: string, store: LedgerStore, signedCheckpoint: string, opts: WriteTilesOptions = {}): Promise<{ files: number; size: number }> {
  const split = signedCheckpoint.lastIndexOf('\n\n');
  if (split < 0) throw new MalformedNoteError('signed checkpoint has no signature block');
  const { size } = parseCheckpoint(signedCheckpoint.slice(0, split + 1));
  const have = await store.size();
  if (have < size) throw new StoreInconsistencyError(`store has ${have} leaves, checkpoint needs ${size}`);
  const perRead = (opts.tilesPerRead ?? 64) * TILE_WIDTH;
  let files = 0;

  for (let level = 0; hashesAtTileLevel(size, level) > 0; level++) {
    const count = hashesAtTileLevel(size, level);
    for (let start = 0; start < count; start += perRead) {
      const end = Math.min(count, start + perRead);
      const withEntries = level === 0 && opts.entries !== false;
      const leaves = withEntries ? await store.readLeaves(start, end) : undefined;
      const hashes = leaves ? leaves.map((l) => l.hash) : await store.readLevel(level * TILE_HEIGHT, start, end);
      const writes: Promise<void>[] = [];
      for (let first = start; first < end; first += TILE_WIDTH) {
        const last = Math.min(end, first + TILE_WIDTH);
        const ref = { index: first / TILE_WIDTH, width: last - first };
        writes.push(put(dir, tilePath({ level, ...ref }), concatBytes(...hashes.slice(first - start, last - start))));
        if (leaves) writes.push(put(dir, tilePath({ level: 'entries', ...ref }), encodeEntryBundle(leaves.slice(first - start, last - start).map((l) => l.data))));
      }
      await Promise.all(writes);
      files += writes.length;
    }
  }
  const tmp = join(dir, `.checkpoint.${process.pid}.tmp`);
  await mkdir(dir, { recursive: true });
  await writeFile(tmp, utf8.encode(signedCheckpoint));
  await rename(tmp, join(dir, 'checkpoint'));
  return { files: files + 1, size };
}
