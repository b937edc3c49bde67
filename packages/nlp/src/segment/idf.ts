import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let table: { idf: Map<string, number>; median: number } | undefined;

/** jieba's bundled IDF table (general Chinese corpus). Corpus-independent, so topic vectors can
 * be built one message at a time in a stream. Unknown words get the median IDF. */
export function jiebaIdf(): { idf: Map<string, number>; median: number } {
  if (table) return table;
  const require = createRequire(import.meta.url);
  const path = require.resolve('@node-rs/jieba/idf.txt');
  const idf = new Map<string, number>();
  const values: number[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const sp = line.lastIndexOf(' ');
    if (sp <= 0) continue;
    const v = Number(line.slice(sp + 1));
    idf.set(line.slice(0, sp), v);
    values.push(v);
  }
  values.sort((a, b) => a - b);
  table = { idf, median: values[values.length >> 1] ?? 10 };
  return table;
}
