import type { ClueRow } from '@rectify/db';
import type { ClueSuggestionsView } from '@rectify/domain/schemas/analytics';
import { getDefaultClassifier } from '@rectify/nlp';

/**
 * The confidence below which a category suggestion needs a person (待人工判断): the review threshold recorded in the
 * active classifier model (chosen at training where out-of-fold accuracy of the accepted suggestions reaches 97 %).
 * Suggestions stored by an earlier model are judged by the same threshold. Loading the model is cached per process.
 */
export const reviewThreshold = (): number => getDefaultClassifier().file.reviewThreshold;

/** The analytics part of a staff clue view, or null while the clue has not been analysed. */
export function presentSuggestions(c: ClueRow): ClueSuggestionsView | null {
  if (!c.modelVersion) return null;
  const threshold = reviewThreshold();
  return {
    category: c.suggestedCategory,
    unit: c.suggestedUnit,
    confidence: c.suggestionConfidence,
    needsReview: c.suggestionConfidence === null || c.suggestionConfidence < threshold,
    reviewThreshold: threshold,
    duplicates: c.suggestedDuplicates ?? [],
    modelVersion: c.modelVersion,
  };
}

/** List filters with the threshold the `needsReview` filter compares against (only loaded when it is used). */
export function withReviewThreshold<T extends { needsReview?: boolean | undefined }>(q: T): T & { reviewBelow?: number } {
  return q.needsReview === undefined ? q : { ...q, reviewBelow: reviewThreshold() };
}
