export {
  NearDuplicateIndex,
  DEDUPE_VERSION,
  toEpochMs,
  type DedupeItem,
  type DedupeResult,
  type DuplicateMatch,
  type NearDuplicateOptions,
} from './nearDuplicateIndex.ts';
export { duplicateGroups, DisjointSet, type GroupableText } from './groups.ts';
export { minhash, signatureSimilarity, jaccard } from './minhash.ts';
export { dedupeKey, shingleHashes, fnv1a } from './shingles.ts';
