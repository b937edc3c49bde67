/** File types accepted as evidence, recognised from their bytes (a file's name and declared type are not trusted). */
export const EVIDENCE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

const startsWith = (b: Buffer, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (b: Buffer, at: number, text: string) => b.subarray(at, at + text.length).toString('latin1') === text;

/** The evidence type of these bytes, or null when they are not one of the accepted types. */
export function sniffEvidenceType(b: Buffer): EvidenceType | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (ascii(b, 0, '%PDF-')) return 'application/pdf';
  if (ascii(b, 4, 'ftyp') && /^(isom|iso2|mp41|mp42|avc1|M4V )/.test(b.subarray(8, 12).toString('latin1')))
    return 'video/mp4';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML: a zip whose entry names show which kind of document it is.
    const names = b.subarray(0, Math.min(b.length, 64 * 1024)).toString('latin1');
    if (names.includes('[Content_Types].xml') || names.includes('_rels/')) {
      if (names.includes('word/')) return EVIDENCE_DOCX;
      if (names.includes('xl/')) return EVIDENCE_XLSX;
    }
  }
  return null;
}

const EVIDENCE_DOCX: EvidenceType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EVIDENCE_XLSX: EvidenceType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
