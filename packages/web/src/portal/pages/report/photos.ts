import { MAX_CLUE_PHOTOS } from '@rectify/domain/schemas/clues';

/**
 * Photos for a report, checked in the browser the way the server checks evidence: the type is read from the first
 * bytes (never from the name or the declared type), the size against the server's default upload limit
 * (`RECTIFY_UPLOAD_LIMIT_BYTES`, 20 MB). The photos are uploaded when the report is sent and referenced by their
 * SHA-256 as `attachments` of the submit.
 */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024;
export const MAX_PHOTOS = MAX_CLUE_PHOTOS;
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/gif,image/webp';

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';

export interface Photo {
  sha256: string;
  name: string;
  size: number;
  mime: PhotoMime;
  /** An object URL for the preview; revoked when the photo is removed. */
  previewUrl: string;
  file: File;
}

export type PhotoRejection = { name: string; reason: 'type' | 'size' | 'count' | 'duplicate' | 'unreadable' };

const ascii = (b: Uint8Array, at: number, text: string) =>
  text.split('').every((ch, i) => b[at + i] === ch.charCodeAt(0));

/** The photo type of these leading bytes (same signatures as the server's sniffer), or null. */
export function sniffPhotoType(b: Uint8Array): PhotoMime | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'image/gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  return null;
}

export const toHex = (digest: ArrayBuffer) =>
  Array.from(new Uint8Array(digest), (v) => v.toString(16).padStart(2, '0')).join('');

/**
 * Checks `files` against the photos already chosen and reads the accepted ones. Accepted photos keep their order;
 * every refused file is named with its reason, so the page can say why.
 */
export async function addPhotos(
  current: readonly Photo[],
  files: readonly File[],
  makeUrl: (file: File) => string = (f) => URL.createObjectURL(f),
): Promise<{ photos: Photo[]; rejected: PhotoRejection[] }> {
  const photos = [...current];
  const rejected: PhotoRejection[] = [];
  for (const file of files) {
    if (photos.length >= MAX_PHOTOS) {
      rejected.push({ name: file.name, reason: 'count' });
      continue;
    }
    if (file.size > MAX_PHOTO_BYTES) {
      rejected.push({ name: file.name, reason: 'size' });
      continue;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await file.arrayBuffer();
    } catch {
      rejected.push({ name: file.name, reason: 'unreadable' });
      continue;
    }
    const mime = sniffPhotoType(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 16)));
    if (!mime) {
      rejected.push({ name: file.name, reason: 'type' });
      continue;
    }
    const sha256 = toHex(await crypto.subtle.digest('SHA-256', bytes));
    if (photos.some((p) => p.sha256 === sha256)) {
      rejected.push({ name: file.name, reason: 'duplicate' });
      continue;
    }
    photos.push({ sha256, name: file.name, size: file.size, mime, previewUrl: makeUrl(file), file });
  }
  return { photos, rejected };
}

/** Photo fingerprints need WebCrypto, which browsers offer only on HTTPS (or on this machine). */
export const canFingerprintPhotos = () => typeof crypto !== 'undefined' && crypto.subtle !== undefined;

/**
 * Wraps `upload` so that sending the same photos for the same region again — a retry after the submit failed, the
 * photos already on the server — reuses the stored hashes instead of sending the bytes again over a phone
 * connection. A failed upload is forgotten, so the next try sends the photos.
 */
export function uploadOnce(upload: (regionCode: string, files: File[]) => Promise<string[]>) {
  let last: { key: string; hashes: Promise<string[]> } | null = null;
  return (regionCode: string, photos: readonly Photo[]): Promise<string[]> => {
    const key = [regionCode, ...photos.map((p) => p.sha256)].join(' ');
    if (last?.key === key) return last.hashes;
    const hashes = upload(
      regionCode,
      photos.map((p) => p.file),
    );
    const attempt = { key, hashes };
    last = attempt;
    hashes.catch(() => {
      if (last === attempt) last = null;
    });
    return hashes;
  };
}
