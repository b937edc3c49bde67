import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TileMissingError } from '../errors.ts';

/** Read access to a tlog-tiles layout. `read` resolves undefined when the object does not exist. */
export interface TileSource {
  readonly description: string;
  read(path: string): Promise<Uint8Array | undefined>;
}

/** A folder on disk holding `checkpoint` and `tile/…`. */
export function directorySource(dir: string): TileSource {
  return {
    description: dir,
    async read(path) {
      try {
        const b = await readFile(join(dir, ...path.split('/')));
        return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new TileMissingError(`cannot read ${path}: ${(e as Error).message}`, { cause: e });
      }
    },
  };
}

/** An http(s) prefix serving the layout. 404 and 410 mean "absent"; other failures throw. */
export function httpSource(prefix: string): TileSource {
  const base = prefix.endsWith('/') ? prefix : prefix + '/';
  return {
    description: prefix,
    async read(path) {
      let res: Response;
      try {
        res = await fetch(base + path);
      } catch (e) {
        throw new TileMissingError(`cannot fetch ${base + path}: ${(e as Error).message}`, { cause: e });
      }
      if (res.status === 404 || res.status === 410) return undefined;
      if (!res.ok) throw new TileMissingError(`GET ${base + path}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

/** Picks the source for a CLI argument: http(s) URL or folder. */
export function sourceFor(dirOrUrl: string): TileSource {
  return /^https?:\/\//i.test(dirOrUrl) ? httpSource(dirOrUrl) : directorySource(dirOrUrl);
}
