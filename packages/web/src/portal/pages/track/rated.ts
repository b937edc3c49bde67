/**
 * The API tells whether a clue was rated, but not whether this reporter already rated the linked problem (the server
 * refuses a second rating). Remembering it on the device spares the person a form that can only fail.
 */
const key = (code: string) => `rectify.portal.problemRated.${code}`;

export function problemRated(code: string): boolean {
  try {
    return localStorage.getItem(key(code)) === '1';
  } catch {
    return false;
  }
}

export function markProblemRated(code: string): void {
  try {
    localStorage.setItem(key(code), '1');
  } catch {
    // private mode: the server still refuses a second rating
  }
}
