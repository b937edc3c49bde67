import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;
let converter: Convert | undefined;

/** Traditional (Taiwan/Hong Kong variants included) → simplified Chinese. Built lazily: the
 * dictionaries take ~100 ms to build and many callers never need them. */
export function toSimplified(text: string): string {
  // Pure ASCII cannot contain traditional characters; skip the trie walk.
  if (!/[^ -~\t\n\r]/.test(text)) return text;
  converter ??= OpenCC.Converter({ from: 'hk', to: 'cn' });
  return converter(text);
}
