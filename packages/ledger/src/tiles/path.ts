import { TileError } from '../errors.ts';

/** Tile height fixed by C2SP tlog-tiles: 2^8 = 256 hashes per full tile. */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;

/** A hash tile (`level` ≥ 0) or an entry bundle (`level` = 'entries'). `width` is 1..256. */
export interface TileRef {
  readonly level: number | 'entries';
  readonly index: number;
  readonly width: number;
}

/**
 * Encodes a tile index as zero-padded 3-digit path elements, all but the last prefixed with 'x'
 * (1234067 → "x001/x234/067"). Precondition: index is a non-negative safe integer.
 */
export function encodeTileIndex(index: number): string {
  if (!Number.isSafeInteger(index) || index < 0) throw new TileError(`invalid tile index ${index}`);
  let s = String(index);
  s = s.padStart(Math.ceil(s.length / 3) * 3, '0');
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += 3) parts.push(s.slice(i, i + 3));
  return parts.map((p, i) => (i < parts.length - 1 ? 'x' + p : p)).join('/');
}

/**
 * Path of a tile relative to the log prefix: `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`.
 * Preconditions: level 0..63 or 'entries'; width 1..256 (256 = full tile, no `.p/` suffix).
 */
export function tilePath(t: TileRef): string {
  if (t.level !== 'entries' && (!Number.isInteger(t.level) || t.level < 0 || t.level > 63)) throw new TileError(`invalid tile level ${t.level}`);
  if (!Number.isInteger(t.width) || t.width < 1 || t.width > TILE_WIDTH) throw new TileError(`invalid tile width ${t.width}`);
  const base = `tile/${t.level}/${encodeTileIndex(t.index)}`;
  return t.width === TILE_WIDTH ? base : `${base}.p/${t.width}`;
}

/** Parses a C2SP tile path, rejecting non-canonical encodings. Throws TileError. */
export function parseTilePath(path: string): TileRef {
  const m = /^tile\/(entries|0|[1-9][0-9]?)\/((?:x[0-9]{3}\/)*[0-9]{3})(?:\.p\/([1-9][0-9]{0,2}))?$/.exec(path);
  if (m === null) throw new TileError(`not a tile path: ${path}`);
  const level = m[1] === 'entries' ? 'entries' : Number(m[1]);
  if (level !== 'entries' && level > 63) throw new TileError(`tile level out of range: ${path}`);
  const digits = m[2]!.replace(/x|\//g, '');
  const index = Number(digits);
  const width = m[3] === undefined ? TILE_WIDTH : Number(m[3]);
  if (m[3] !== undefined && width >= TILE_WIDTH) throw new TileError(`partial tile width must be below 256: ${path}`);
  if (!Number.isSafeInteger(index)) throw new TileError(`tile index too large: ${path}`);
  const ref: TileRef = { level, index, width };
  if (tilePath(ref) !== path) throw new TileError(`non-canonical tile path: ${path}`);
  return ref;
}
