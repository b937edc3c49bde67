import type { ClueRow } from './service.ts';

/** The server's verdict: the confidence is below the active model's review threshold, so a person decides (待人工判断). */
export const needsReview = (s: ClueRow['suggestions']) => s?.needsReview === true;
export const percent = (v: number) => `${Math.round(v * 100)}%`;
