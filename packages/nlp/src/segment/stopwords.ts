import { readFileSync } from 'node:fs';

let cached: Set<string> | undefined;

/** Function words and message boilerplate (您好, 反映, 问题…) that carry no topic. Shipped as a
 * text file so operators can read and extend it. */
export function defaultStopwords(): ReadonlySet<string> {
  cached ??= new Set(
    readFileSync(new URL('./dict/stopwords.txt', import.meta.url), 'utf8')
      .split(/\s+/)
      .filter((w) => w.length > 0),
  );
  return cached;
}
