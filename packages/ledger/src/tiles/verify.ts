import { bytesEqual, encodeBase64 } from '../encoding.ts';
import { MissingSignatureError, RootMismatchError, TileError, TileMissingError, LedgerError } from '../errors.ts';
import { HASH_SIZE } from '../hasher.ts';
import { parseCheckpoint } from '../checkpoint/checkpoint.ts';
import { openNote } from '../note/open.ts';
import { keyLabel, parseVerifierKey } from '../note/verifier.ts';
import type { NoteVerifier } from '../note/verifier.ts';
import { foldRange } from '../tree/root.ts';
import { scanEntryBundle } from './bundle.ts';
import { hashBundleEntriesInPlace, perfectSubtreeRoot, tileCompactRange } from './hash.ts';
import { hashesAtTileLevel } from './layout.ts';
import { TILE_WIDTH, tilePath } from './path.ts';
import type { TileSource } from './source.ts';
import { sourceFor } from './source.ts';

/** Outcome of a successful verification. */
export interface VerifyLogResult {
  readonly ok: true;
  readonly size: number;
  /** base64 root hash from the checkpoint, recomputed from the tiles. */
  readonly root: string;
  readonly origin: string;
  /** `name+keyid` of every signature that verified. */
  readonly verifiedBy: string[];
  readonly hashTiles: number;
  /** Entry bundles found and checked against the level-0 tiles. */
  readonly entryBundles: number;
  /** Entry bundles absent from the source (allowed: tiles alone determine the root). */
  readonly entryBundlesMissing: number;
  /** SHA-256 computations performed on tiles and entries. */
  readonly hashes: number;
}

export interface VerifyLogOptions {
  /** Require a signature from every given key, not just one. */
  readonly requireAllKeys?: boolean;
  /** Fail when an entry bundle is missing instead of skipping it. */
  readonly requireEntries?: boolean;
  /** Objects fetched ahead of use (matters for http sources). Default 16. */
  readonly concurrency?: number;
  /** Progress callback, called after each level-0 tile. */
  readonly onProgress?: (done: number, total: number) => void;
}

// Reads paths in order with a bounded window of outstanding requests.
async function* prefetch<T>(items: readonly T[], fetchOne: (t: T) => Promise<Uint8Array | undefined>, window: number): AsyncGenerator<[T, Uint8Array | undefined]> {
  const pending: Promise<Uint8Array | undefined>[] = [];
  let next = 0;
  while (next < items.length && pending.length < window) pending.push(fetchOne(items[next++]!));
  for (let i = 0; i < items.length; i++) {
    const data = await pending.shift()!;
    if (next < items.length) pending.push(fetchOne(items[next++]!));
    yield [items[i]!, data];
  }
}

/**
 * Verifies a published log against trusted keys without any database:
 * 1. the `checkpoint` note: every signature by a given key verifies, and at least one (or, with
 *    requireAllKeys, each key's) is present;
 * 2. every hash tile for the checkpoint size: each full tile hashes up to the matching entry of
 *    the tile above, and the partial right-edge tiles fold into the checkpoint's root;
 * 3. every entry bundle present: its entries hash to the level-0 tile's leaf hashes.
 * `source` is a folder path, an http(s) URL, or a TileSource. `keys` are verifier key strings or
 * parsed verifiers (Ed25519 0x01 signer keys and 0x04 cosigner keys, among others).
 * Throws a LedgerError subclass naming the first problem found.
 */
export async function verifyLog(source: string | TileSource, keys: readonly (string | NoteVerifier)[], opts: VerifyLogOptions = {}): Promise<VerifyLogResult> {
  const src = typeof source === 'string' ? sourceFor(source) : source;
  const verifiers = keys.map((k) => (typeof k === 'string' ? parseVerifierKey(k) : k));
  if (verifiers.length === 0) throw new MissingSignatureError('no verifier keys given');
  const window = opts.concurrency ?? 16;

  const noteBytes = await src.read('checkpoint');
  if (noteBytes === undefined) throw new TileMissingError(`no checkpoint at ${src.description}`);
  const note = openNote(noteBytes, verifiers);
  if (opts.requireAllKeys) {
    for (const v of verifiers) {
      if (!note.sigs.some((s) => s.name === v.name && s.keyId === v.keyId)) throw new MissingSignatureError(`checkpoint is not signed by ${keyLabel(v)}`);
    }
  }
  const cp = parseCheckpoint(note.text);
  const size = cp.size;
  let hashCount = 0;
  let hashTiles = 0;
  let entryBundles = 0;
  let entryBundlesMissing = 0;

  // Compact-range pieces of the partial right-edge tiles, from the top level down.
  const edgePieces: Uint8Array[][] = [];
  // Expected hashes of the current level, derived from the full tiles of the level below.
  let expected: Uint8Array | undefined;

  for (let level = 0; hashesAtTileLevel(size, level) > 0; level++) {
    const count = hashesAtTileLevel(size, level);
    const tiles: { index: number; width: number }[] = [];
    for (let i = 0; i * TILE_WIDTH < count; i++) tiles.push({ index: i, width: Math.min(TILE_WIDTH, count - i * TILE_WIDTH) });
    const derived = new Uint8Array(Math.floor(count / TILE_WIDTH) * HASH_SIZE);

    const fetchTile = async (t: { index: number; width: number }) => src.read(tilePath({ level, ...t }));
    const bundles = level === 0 ? prefetch(tiles, (t) => src.read(tilePath({ level: 'entries', ...t })), window) : undefined;
    let done = 0;
    for await (const [t, tile] of prefetch(tiles, fetchTile, window)) {
      const path = tilePath({ level, ...t });
      if (tile === undefined) throw new TileMissingError(`missing tile ${path}`);
      if (tile.length !== t.width * HASH_SIZE) throw new TileError(`tile ${path} has ${tile.length} bytes, want ${t.width * HASH_SIZE}`);
      hashTiles++;

      if (expected !== undefined) {
        const want = expected.subarray(t.index * TILE_WIDTH * HASH_SIZE, (t.index * TILE_WIDTH + t.width) * HASH_SIZE);
        if (!bytesEqual(tile, want)) {
          const bad = firstDifference(tile, want);
          throw new TileError(`tile ${path}: hash ${bad} does not match the tiles below it`);
        }
      }
      if (bundles !== undefined) {
        const next = await bundles.next();
        const bundle = next.done ? undefined : next.value[1];
        const bpath = tilePath({ level: 'entries', ...t });
        if (bundle === undefined) {
          if (opts.requireEntries) throw new TileMissingError(`missing entry bundle ${bpath}`);
          entryBundlesMissing++;
        } else {
          let scan: { starts: number[]; lengths: number[] };
          try {
            scan = scanEntryBundle(bundle);
          } catch (e) {
            throw new TileError(`entry bundle ${bpath}: ${(e as Error).message}`, { cause: e });
          }
          const { starts, lengths } = scan;
          if (starts.length !== t.width) throw new TileError(`entry bundle ${bpath} holds ${starts.length} entries, want ${t.width}`);
          const leafHashes = hashBundleEntriesInPlace(bundle, starts, lengths);
          hashCount += t.width;
          if (!bytesEqual(leafHashes, tile)) throw new TileError(`entry bundle ${bpath}: entry ${firstDifference(leafHashes, tile)} does not match its leaf hash in ${path}`);
          entryBundles++;
        }
      }
      if (t.width === TILE_WIDTH) {
        derived.set(perfectSubtreeRoot(tile, 0, TILE_WIDTH), t.index * HASH_SIZE);
        hashCount += TILE_WIDTH - 1;
      } else {
        edgePieces.unshift(tileCompactRange(tile, t.width));
        hashCount += t.width - popcount(t.width);
      }
      if (level === 0) opts.onProgress?.(++done, tiles.length);
    }
    expected = derived;
  }

  const pieces = edgePieces.flat();
  const root = foldRange(pieces);
  hashCount += Math.max(0, pieces.length - 1);
  if (!bytesEqual(root, cp.root)) throw new RootMismatchError(`root recomputed from tiles (${encodeBase64(root)}) does not match the checkpoint (${encodeBase64(cp.root)})`, cp.root, root);

  return {
    ok: true,
    size,
    root: encodeBase64(cp.root),
    origin: cp.origin,
    verifiedBy: note.sigs.map((s) => keyLabel(s)),
    hashTiles,
    entryBundles,
    entryBundlesMissing,
    hashes: hashCount,
  };
}

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return Math.floor(i / HASH_SIZE);
  return Math.floor(Math.min(a.length, b.length) / HASH_SIZE);
}

function popcount(n: number): number {
  let c = 0;
  for (; n > 0; n >>= 1) c += n & 1;
  return c;
}

/** Turns any thrown value into the `{ ok: false, error }` shape the CLI prints. */
export function describeFailure(e: unknown): { ok: false; error: string; code: string } {
  if (e instanceof LedgerError) return { ok: false, error: `${e.name}: ${e.message}`, code: e.code };
  return { ok: false, error: e instanceof Error ? e.message : String(e), code: 'UNEXPECTED' };
}
