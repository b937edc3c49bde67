import { normalizeText } from '../normalize/normalize.ts';
import type { Segmenter } from '../segment/segmenter.ts';

/** Feature blocks: each is TF-IDF weighted and L2-normalised on its own, then scaled by its
 * weight, so a short subject is not drowned by a long body. */
export interface FeatureConfig {
  /** Word unigrams of the subject. */
  subjectWords: number;
  /** Word unigrams + bigrams of subject and body together. */
  words: number;
  /** Character 1…subjectCharN grams of the subject. */
  subjectChars: number;
  subjectCharN: number;
  /** Character 2…bodyCharN grams of the body (0 weight disables them; they are the costliest). */
  bodyChars: number;
  bodyCharN: number;
  /** Body characters used at most (long letters add little and cost time). */
  maxBodyChars: number;
  /** Minimum number of training documents a feature must occur in. */
  minDf: number;
}

export const DEFAULT_FEATURES: FeatureConfig = {
  subjectWords: 0.6,
  words: 1,
  subjectChars: 0.8,
  subjectCharN: 3,
  bodyChars: 0.5,
  bodyCharN: 3,
  maxBodyChars: 1200,
  minDf: 2,
};

export const BLOCKS = ['sw', 'w', 'sc', 'bc'] as const;
export type Block = (typeof BLOCKS)[number];

/** Raw term counts of one document, keyed "block:term". */
export type RawFeatures = Map<string, number>;

function bump(m: RawFeatures, key: string): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}

function charGrams(m: RawFeatures, prefix: string, text: string, from: number, to: number): void {
  // Only letters and digits: punctuation n-grams are noise; ASCII runs are kept as characters.
  const t = text.replace(/[^\p{L}\p{N}]+/gu, ' ');
  for (let n = from; n <= to; n++) {
    for (let i = 0; i + n <= t.length; i++) {
      const g = t.slice(i, i + n);
      if (g.includes(' ')) continue;
      bump(m, prefix + g);
    }
  }
}

/** Raw features of a message (subject + body), before vocabulary and weighting. */
export function rawFeatures(seg: Segmenter, subject: string, body: string, cfg: FeatureConfig): RawFeatures {
  const s = normalizeText(subject).toLowerCase();
  const b = normalizeText(body).slice(0, cfg.maxBodyChars).toLowerCase();
  const m: RawFeatures = new Map();
  const sTok = seg.tokens(s);
  if (cfg.subjectWords > 0) for (const w of sTok) bump(m, 'sw:' + w);
  if (cfg.words > 0) {
    const all = b ? sTok.concat(seg.tokens(b)) : sTok;
    for (let i = 0; i < all.length; i++) {
      bump(m, 'w:' + all[i]!);
      if (i > 0) bump(m, 'w:' + all[i - 1]! + '_' + all[i]!);
    }
  }
  if (cfg.subjectChars > 0) charGrams(m, 'sc:', s, 1, cfg.subjectCharN);
  if (cfg.bodyChars > 0 && b) charGrams(m, 'bc:', b, 2, cfg.bodyCharN);
  return m;
}

export function blockOf(key: string): Block {
  return key.slice(0, key.indexOf(':')) as Block;
}
