import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, U/V: nothing a reader can confuse on paper or over the phone. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const TRACKING_CODE_LENGTH = 10;

/**
 * A fresh tracking code: 10 characters drawn uniformly with the CSPRNG from a 29-letter alphabet (≈ 48.6 bits), so
 * codes are neither sequential nor guessable; uniqueness is enforced by the database, a collision draws again.
 */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return code;
}

/** What a person typed (lower case, spaces, dashes, O for 0 …) → the stored form, or undefined if impossible. */
export function normaliseTrackingCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== TRACKING_CODE_LENGTH) return undefined;
  for (const c of code) if (!TRACKING_ALPHABET.includes(c)) return undefined;
  return code;
}

/** ABCD-EFGH-JK: how the code is shown to people. */
export const formatTrackingCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
