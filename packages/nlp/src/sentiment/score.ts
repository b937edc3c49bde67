import { NLP_VERSION } from '../version.ts';
import { normalizeText } from '../normalize/normalize.ts';
import { DEGREE, NEGATIVE, NEGATORS, POSITIVE } from './lexicon.ts';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface Sentiment {
  /** −1 (very negative) … +1 (very positive). */
  score: number;
  label: SentimentLabel;
  /** Lexicon words that decided it, with their signed contribution. */
  evidence: { word: string; weight: number }[];
  version: string;
}

export const SENTIMENT_VERSION = `${NLP_VERSION}/lexicon-1`;

const ENTRIES: [string, number][] = [
  ...Object.entries(POSITIVE),
  ...Object.entries(NEGATIVE).map(([w, v]) => [w, -v] as [string, number]),
].sort((a, b) => b[0].length - a[0].length);

/**
 * Lexicon sentiment with negation (a negator up to 3 characters before a word flips it, so
 * 不及时 is negative) and degree words (非常 ×1.6). An optional 1–5 star rating is blended in
 * with equal weight because a rating is the citizen's own verdict.
 */
export function sentimentOf(text: string, rating?: number): Sentiment {
  const t = normalizeText(text);
  const evidence: { word: string; weight: number }[] = [];
  let i = 0;
  let total = 0;
  while (i < t.length) {
    const hit = ENTRIES.find(([w]) => t.startsWith(w, i));
    if (!hit) {
      i++;
      continue;
    }
    const word = hit[0];
    let weight = hit[1];
    const before = t.slice(Math.max(0, i - 4), i);
    // A negator inside a negative word (不满意) is part of the word and handled by the lexicon.
    if (NEGATORS.some((n) => before.endsWith(n) || before.slice(0, -1).endsWith(n))) weight = -weight * 0.8;
    for (const [d, f] of Object.entries(DEGREE)) if (before.endsWith(d)) weight *= f;
    // After 但/但是/可是/却 the clause carries the verdict (态度很好，但问题没解决 is a complaint).
    if (/但|可是|却|然而/.test(t.slice(0, i))) weight *= 1.5;
    else if (/但|可是|却|然而/.test(t.slice(i))) weight *= 0.6;
    evidence.push({ word, weight: Math.round(weight * 100) / 100 });
    total += weight;
    i += word.length;
  }
  let score = Math.tanh(total / 3);
  if (rating !== undefined && rating >= 1 && rating <= 5) score = (score + (rating - 3) / 2) / (evidence.length ? 2 : 1);
  score = Math.round(score * 1000) / 1000;
  const label: SentimentLabel = score <= -0.2 ? 'negative' : score >= 0.2 ? 'positive' : 'neutral';
  return { score, label, evidence, version: SENTIMENT_VERSION };
}
