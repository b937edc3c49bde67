import { buffer } from 'node:stream/consumers';
import { and, inArray, isNull } from 'drizzle-orm';
import { schema, type ClueRow, type Executor } from '@rectify/db';
import type { FileStore } from '../evidence/store.ts';

/**
 * The photos of an Open311 request that the public may see (GeoReport v2 `media_url`).
 *
 * A photo is public when the request itself is public: a report from the public (not entered by staff) that passed
 * moderation — the same rule that puts its masked description in `requests.json` — and the photo is one of its own
 * attachments, uploaded through the public upload (not a staff file whose hash it names), a JPEG or PNG the store holds. It is served with its metadata removed (EXIF with the phone's
 * GPS position and serial, XMP, IPTC, comments, PNG text chunks), since a listing rounds locations to about 100 m.
 * Other evidence (staff uploads, problem evidence, held or spam reports, other types) is never served here.
 */
export const PUBLIC_PHOTO_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;

export function isPublicRequest(clue: Pick<ClueRow, 'moderation' | 'channel'>): boolean {
  return clue.moderation === 'ok' && clue.channel !== 'staff';
}

/** The first attachment of a public request that can be served, with its extension; undefined when none. */
export async function firstPublicPhoto(
  db: Executor,
  clue: Pick<ClueRow, 'moderation' | 'channel' | 'attachments'>,
): Promise<{ sha256: string; ext: string } | undefined> {
  if (!isPublicRequest(clue) || clue.attachments.length === 0) return undefined;
  const rows = await db
    .select({ sha256: schema.evidenceFiles.sha256, mime: schema.evidenceFiles.mime })
    .from(schema.evidenceFiles)
    // Uploaded through the public upload (no staff uploader): a report cannot publish a staff file by naming its hash.
    .where(and(inArray(schema.evidenceFiles.sha256, clue.attachments), isNull(schema.evidenceFiles.uploadedBy)));
  const mime = new Map(rows.map((r) => [r.sha256, r.mime]));
  for (const sha256 of clue.attachments) {
    const ext = PUBLIC_PHOTO_TYPES[mime.get(sha256) as keyof typeof PUBLIC_PHOTO_TYPES];
    if (ext) return { sha256, ext };
  }
  return undefined;
}

export async function readPhoto(store: FileStore, sha256: string): Promise<Buffer | undefined> {
  if (!(await store.has(sha256))) return undefined;
  return buffer(store.open(sha256));
}

/**
 * A JPEG without its APP1 (EXIF, XMP), APP13 (IPTC/Photoshop) and COM segments; the image data is copied unchanged.
 * Undefined when the bytes are not a well-formed JPEG up to the start of scan (or the end of the image).
 */
export function stripJpegMetadata(jpeg: Buffer): Buffer | undefined {
  if (jpeg.length < 4 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined;
  const parts: Buffer[] = [jpeg.subarray(0, 2)];
  let i = 2;
  while (i + 2 <= jpeg.length) {
    if (jpeg[i] !== 0xff) return undefined;
    const marker = jpeg[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) {
      parts.push(jpeg.subarray(i)); // start of scan (the rest is image data) or end of image
      return Buffer.concat(parts);
    }
    if (i + 4 > jpeg.length) return undefined;
    const standalone = marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
    const length = standalone ? 0 : jpeg.readUInt16BE(i + 2);
    const end = i + 2 + length;
    if (end > jpeg.length) return undefined;
    const drop = marker === 0xe1 || marker === 0xed || marker === 0xfe;
    if (!drop) parts.push(jpeg.subarray(i, end));
    i = end;
  }
  return undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** A PNG without its EXIF, text and time chunks. Undefined when the bytes are not a well-formed PNG. */
export function stripPngMetadata(png: Buffer): Buffer | undefined {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
  const parts: Buffer[] = [PNG_SIGNATURE];
  let i = 8;
  while (i + 12 <= png.length) {
    const length = png.readUInt32BE(i);
    const type = png.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > png.length) return undefined;
    if (!PNG_METADATA.has(type)) parts.push(png.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(parts);
  }
  return undefined;
}
