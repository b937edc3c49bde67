import type { ClueRow } from './service.ts';

/**
 * Below this confidence a category suggestion is marked 待人工判断. It is the review threshold of the classifier the
 * platform ships (packages/nlp/models/classifier.json.gz, `reviewThreshold`); the clue API does not publish the
 * model's own flag per clue.
 */
export const REVIEW_BELOW = 0.84;

export const needsReview = (s: ClueRow['suggestions']) => s !== null && (s.confidence ?? 0) < REVIEW_BELOW;
export const percent = (v: number) => `${Math.round(v * 100)}%`;
