import { describe, expect, it } from 'vitest';
import { TileError, encodeTileIndex, entryBundlesForSize, hashTilesForSize, parseTilePath, tilePath, hashesAtTileLevel, sha256Bytes, toHex } from '../../src/index.ts';
import { fixture } from '../helpers.ts';

interface TileVectors {
  c2sp_index_encoding: { index: number; path: string }[];
  c2sp_tree_size_to_tiles: ({ tree_size: number; files?: string[] } & Record<string, number | string[] | unknown>)[];
  sumdb_tile_paths_for_contrast: { vectors: { path: string }[] };
  witness_origin_hash: { origin: string; sha256_hex: string };
}
const v = fixture<TileVectors>('tile-path-vectors.json');

describe('tile index encoding', () => {
  it.each(v.c2sp_index_encoding.map((e) => [e.index, e.path] as const))('%i → %s', (index, path) => {
    expect(encodeTileIndex(index)).toBe(path);
    expect(parseTilePath(`tile/0/${path}`)).toEqual({ level: 0, index, width: 256 });
    expect(parseTilePath(`tile/entries/${path}.p/7`)).toEqual({ level: 'entries', index, width: 7 });
  });

  it('formats full and partial tiles and entry bundles', () => {
    expect(tilePath({ level: 2, index: 1234067, width: 256 })).toBe('tile/2/x001/x234/067');
    expect(tilePath({ level: 0, index: 1, width: 44 })).toBe('tile/0/001.p/44');
    expect(tilePath({ level: 'entries', index: 0, width: 15 })).toBe('tile/entries/000.p/15');
  });

  it.each(['tile/0/1', 'tile/0/x000/001', 'tile/0/001.p/0', 'tile/0/001.p/256', 'tile/0/001.p/044', 'tile/64/000', 'tile/01/000', 'tile/data/000', 'tile/0/001/x002'])('rejects %s', (p) => {
    expect(() => parseTilePath(p)).toThrow(TileError);
  });

  it.each(v.sumdb_tile_paths_for_contrast.vectors.map((s) => s.path))('rejects the sumdb layout path %s', (p) => {
    expect(() => parseTilePath(p)).toThrow(TileError);
  });
});

describe('tree size to tiles', () => {
  for (const f of v.c2sp_tree_size_to_tiles) {
    it(`size ${f.tree_size}`, () => {
      const tiles = hashTilesForSize(f.tree_size);
      if (f.files !== undefined) {
        const paths = [...tiles.map(tilePath)];
        const wantHash = f.files.filter((p) => !p.startsWith('tile/entries/'));
        expect(paths).toEqual(wantHash);
        const wantEntries = f.files.filter((p) => p.startsWith('tile/entries/'));
        if (wantEntries.length > 0) expect(entryBundlesForSize(f.tree_size).map(tilePath)).toEqual(wantEntries);
        return;
      }
      for (let level = 0; `level${level}_full` in f; level++) {
        const row = tiles.filter((t) => t.level === level);
        expect(row.filter((t) => t.width === 256)).toHaveLength(f[`level${level}_full`] as number);
        const partial = row.filter((t) => t.width < 256);
        const want = f[`level${level}_partial_width`] as number;
        expect(partial.map((t) => t.width)).toEqual(want === 0 ? [] : [want]);
        expect(hashesAtTileLevel(f.tree_size, level)).toBe((f[`level${level}_full`] as number) * 256 + want);
      }
      // No tile above the last listed level.
      const levels = Object.keys(f).filter((k) => /^level\d+_full$/.test(k)).length;
      expect(tiles.every((t) => (t.level as number) < levels)).toBe(true);
    });
  }

  it('the witness monitoring path hashes the origin', () => {
    expect(toHex(sha256Bytes(new TextEncoder().encode(v.witness_origin_hash.origin)))).toBe(v.witness_origin_hash.sha256_hex);
  });
});
