import { randomInt } from 'node:crypto';
import { TRACKING_ALPHABET, TRACKING_CODE_LENGTH } from '@rectify/domain/schemas/clues';

// Shared with the portal, which checks and formats codes the same way.
export { formatTrackingCode, normaliseTrackingCode } from '@rectify/domain/schemas/clues';

/**
 * A fresh tracking code: 10 characters drawn uniformly with the CSPRNG from a 29-letter alphabet (≈ 48.6 bits), so
 * codes are neither sequential nor guessable; uniqueness is enforced by the database, a collision draws again.
 */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}
