// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import {
  addPhotos,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  sniffPhotoType,
  uploadOnce,
  type Photo,
} from '../../src/portal/pages/report/photos.ts';

const bytes = (...parts: (number[] | string)[]): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF data');
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const file = (data: Uint8Array<ArrayBuffer>, name: string, type = 'image/jpeg') => new File([data], name, { type });
const url = (f: File) => `blob:${f.name}`;

test('photo types are read from the bytes, as the server sniffs them', () => {
  expect(sniffPhotoType(JPEG)).toBe('image/jpeg');
  expect(sniffPhotoType(PNG)).toBe('image/png');
  expect(sniffPhotoType(bytes('GIF89a...'))).toBe('image/gif');
  expect(sniffPhotoType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
  expect(sniffPhotoType(bytes('%PDF-1.7'))).toBeNull();
  expect(sniffPhotoType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
});

test('accepted photos carry their SHA-256; wrong type, duplicates and the tenth photo are refused with a reason', async () => {
  const first = await addPhotos([], [file(JPEG, 'a.jpg'), file(bytes('hello'), 'b.jpg'), file(JPEG, 'copy.jpg')], url);
  expect(first.photos).toHaveLength(1);
  expect(first.photos[0]).toMatchObject({
    name: 'a.jpg',
    mime: 'image/jpeg',
    sha256: createHash('sha256').update(JPEG).digest('hex'),
    previewUrl: 'blob:a.jpg',
  });
  expect(first.rejected).toEqual([
    { name: 'b.jpg', reason: 'type' },
    { name: 'copy.jpg', reason: 'duplicate' },
  ]);
  // A PNG named .jpg is still a PNG: the name is never trusted.
  const second = await addPhotos(first.photos, [file(PNG, 'looks-like.jpg')], url);
  expect(second.photos.map((p) => p.mime)).toEqual(['image/jpeg', 'image/png']);

  const full: Photo[] = Array.from({ length: MAX_PHOTOS }, (_, i) => ({
    sha256: String(i).padStart(64, '0'),
    name: `${i}.jpg`,
    size: 1,
    mime: 'image/jpeg',
    file: file(JPEG, `${i}.jpg`),
    previewUrl: '',
  }));
  const tenth = await addPhotos(full, [file(PNG, 'tenth.png')], url);
  expect(tenth.photos).toHaveLength(MAX_PHOTOS);
  expect(tenth.rejected).toEqual([{ name: 'tenth.png', reason: 'count' }]);
});

test('a photo over the upload limit is refused before it is read', async () => {
  const big = file(JPEG, 'big.jpg');
  Object.defineProperty(big, 'size', { value: MAX_PHOTO_BYTES + 1 });
  const result = await addPhotos([], [big], url);
  expect(result.rejected).toEqual([{ name: 'big.jpg', reason: 'size' }]);
});

test('a retried submit reuses the photos already stored; other photos, another region or a failed upload send again', async () => {
  const [a, b] = (await addPhotos([], [file(JPEG, 'a.jpg'), file(PNG, 'b.png', 'image/png')], url)).photos;
  if (!a || !b) throw new Error('two photos expected');
  const sent: string[][] = [];
  let failNext = false;
  const upload = uploadOnce(async (region: string, files: File[]) => {
    sent.push([region, ...files.map((f) => f.name)]);
    if (failNext) {
      failNext = false;
      throw new Error('network down');
    }
    return files.map((f) => `hash-of-${f.name}`);
  });

  expect(await upload('330102', [a, b])).toEqual(['hash-of-a.jpg', 'hash-of-b.png']);
  expect(await upload('330102', [a, b])).toEqual(['hash-of-a.jpg', 'hash-of-b.png']);
  expect(sent).toEqual([['330102', 'a.jpg', 'b.png']]);

  await upload('330102', [a]);
  await upload('330105', [a]);
  expect(sent).toHaveLength(3);

  failNext = true;
  await expect(upload('330102', [b])).rejects.toThrow('network down');
  expect(await upload('330102', [b])).toEqual(['hash-of-b.png']);
  expect(sent).toHaveLength(5);
});
