/**
 * C2SP signed-note key names: non-empty, no Unicode white space, no '+', valid UTF-8.
 * A JS string fails UTF-8 only through a lone surrogate, which `\p{Cs}` matches in u-mode.
 */
export function isValidKeyName(name: string): boolean {
  if (name === '' || name.includes('+')) return false;
  return !/[\s\u0085]|\p{Cs}/u.test(name);
}
