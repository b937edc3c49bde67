function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2100;
}

/**
 * Resident ID numbers: 18 characters (17 digits + digit or X) or the old 15-digit form, with a
 * plausible birth date. The check digit is deliberately NOT required: a mistyped ID is still
 * personal data and must be masked.
 */
export function looksLikeIdNumber(s: string): boolean {
  if (/^\d{17}[\dX]$/.test(s)) {
    return validDate(Number(s.slice(6, 10)), Number(s.slice(10, 12)), Number(s.slice(12, 14)));
  }
  if (/^\d{15}$/.test(s)) {
    return validDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
  }
  return false;
}
