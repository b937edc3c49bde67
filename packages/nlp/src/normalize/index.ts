export { toHalfWidth } from './width.ts';
export { toSimplified } from './simplify.ts';
export { normalizeText, type NormalizeOptions } from './normalize.ts';
