import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** Reads a JSON-lines file (optionally .gz); blank lines are skipped, a bad line throws with its number. */
export function readJsonl<T = unknown>(path: string): { rows: T[]; sha256: string } {
  let buf = readFileSync(path);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  if (path.endsWith('.gz')) buf = gunzipSync(buf);
  const rows: T[] = [];
  const lines = buf.toString('utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line) as T);
    } catch (e) {
      throw new Error(`${path}:${i + 1}: invalid JSON (${(e as Error).message})`);
    }
  });
  return { rows, sha256 };
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
