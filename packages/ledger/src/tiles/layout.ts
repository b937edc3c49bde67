import { TILE_HEIGHT, TILE_WIDTH } from './path.ts';
import type { TileRef } from './path.ts';

/** Number of hashes at tile level `level` (tree level 8·level) in a tree of `size` leaves. */
export function hashesAtTileLevel(size: number, level: number): number {
  return Math.floor(size / 2 ** (TILE_HEIGHT * level));
}

/**
 * The hash tiles that make up a tree of `size` leaves, bottom level first: at tile level L there
 * are floor(size / 256^L) hashes, split into full tiles and at most one partial right-most tile.
 * Precondition: size is a non-negative safe integer.
 */
export function hashTilesForSize(size: number): TileRef[] {
  const out: TileRef[] = [];
  for (let level = 0; ; level++) {
    const count = hashesAtTileLevel(size, level);
    if (count === 0) break;
    for (const t of tilesOfRow(count)) out.push({ level, ...t });
  }
  return out;
}

/** Entry bundles of a tree of `size` leaves (same indices and widths as level-0 tiles). */
export function entryBundlesForSize(size: number): TileRef[] {
  return tilesOfRow(size).map((t) => ({ level: 'entries' as const, ...t }));
}

function tilesOfRow(count: number): { index: number; width: number }[] {
  const full = Math.floor(count / TILE_WIDTH);
  const out: { index: number; width: number }[] = [];
  for (let i = 0; i < full; i++) out.push({ index: i, width: TILE_WIDTH });
  if (count % TILE_WIDTH > 0) out.push({ index: full, width: count % TILE_WIDTH });
  return out;
}
