import { toHalfWidth } from './width.ts';
import { toSimplified } from './simplify.ts';

export interface NormalizeOptions {
  /** Convert traditional to simplified characters (default true). */
  simplify?: boolean;
}

/**
 * Canonical form used before segmentation, classification and hashing: half-width ASCII,
 * simplified characters, one space for any whitespace run, trimmed. Chinese punctuation
 * (，。) is kept because sentence splitting and masking cues depend on it.
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  let t = toHalfWidth(text);
  if (options.simplify !== false) t = toSimplified(t);
  return t.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}
