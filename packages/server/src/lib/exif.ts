/** What a photo says about where and when it was taken (EXIF), for on-site verification. */
export interface PhotoFacts {
  /** DateTimeOriginal as written by the camera (local time of the camera, no zone): `YYYY-MM-DD HH:mm:ss`. */
  takenAt: string | null;
  latitude: number | null;
  longitude: number | null;
  make: string | null;
  model: string | null;
}

const TAGS = { make: 0x010f, model: 0x0110, exifIfd: 0x8769, gpsIfd: 0x8825, dateTimeOriginal: 0x9003 } as const;
const TYPE_SIZES: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8 };

/**
 * Reads EXIF from a JPEG's APP1 segment. Returns null when there is no EXIF; never throws on malformed input
 * (evidence comes from anyone's phone): what cannot be read is left null.
 */
export function readPhotoFacts(jpeg: Buffer): PhotoFacts | null {
  try {
    const tiff = findExif(jpeg);
    if (!tiff) return null;
    const le = tiff.toString('latin1', 0, 2) === 'II';
    const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
    const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
    if (u16(2) !== 42) return null;

    const readIfd = (offset: number) => {
      const entries = new Map<number, { type: number; count: number; valueAt: number }>();
      if (offset + 2 > tiff.length) return entries;
      const n = u16(offset);
      for (let i = 0; i < n; i++) {
        const e = offset + 2 + i * 12;
        if (e + 12 > tiff.length) break;
        const type = u16(e + 2);
        const count = u32(e + 4);
        const size = (TYPE_SIZES[type] ?? 1) * count;
        entries.set(u16(e), { type, count, valueAt: size <= 4 ? e + 8 : u32(e + 8) });
      }
      return entries;
    };
    const text = (entry: { count: number; valueAt: number } | undefined) =>
      entry && entry.valueAt + entry.count <= tiff.length
        ? tiff
            .toString('latin1', entry.valueAt, entry.valueAt + entry.count)
            .replace(/\0+$/, '')
            .trim() || null
        : null;
    const rationals = (entry: { count: number; valueAt: number } | undefined) => {
      if (!entry || entry.valueAt + entry.count * 8 > tiff.length) return null;
      const out: number[] = [];
      for (let i = 0; i < entry.count; i++) {
        const den = u32(entry.valueAt + i * 8 + 4);
        out.push(den === 0 ? 0 : u32(entry.valueAt + i * 8) / den);
      }
      return out;
    };

    const ifd0 = readIfd(u32(4));
    const exifAt = ifd0.get(TAGS.exifIfd);
    const exif = exifAt ? readIfd(u32(exifAt.valueAt)) : new Map();
    const gpsAt = ifd0.get(TAGS.gpsIfd);
    const gps = gpsAt ? readIfd(u32(gpsAt.valueAt)) : new Map();

    const coordinate = (refTag: number, valueTag: number, negative: string) => {
      const dms = rationals(gps.get(valueTag));
      const ref = text(gps.get(refTag));
      if (!dms || dms.length < 3) return null;
      const deg = dms[0]! + dms[1]! / 60 + dms[2]! / 3600;
      return Math.round((ref === negative ? -deg : deg) * 1e7) / 1e7;
    };
    const raw = text(exif.get(TAGS.dateTimeOriginal));
    const takenAt =
      raw && /^\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}$/.test(raw)
        ? raw.replace(/^(\d{4}):(\d{2}):(\d{2})/, '$1-$2-$3')
        : null;
    return {
      takenAt,
      latitude: coordinate(1, 2, 'S'),
      longitude: coordinate(3, 4, 'W'),
      make: text(ifd0.get(TAGS.make)),
      model: text(ifd0.get(TAGS.model)),
    };
  } catch {
    return null;
  }
}

function findExif(jpeg: Buffer): Buffer | null {
  let o = 2;
  while (o + 4 <= jpeg.length && jpeg[o] === 0xff) {
    const marker = jpeg[o + 1]!;
    const length = jpeg.readUInt16BE(o + 2);
    if (marker === 0xe1 && jpeg.toString('latin1', o + 4, o + 10) === 'Exif\0\0') {
      return jpeg.subarray(o + 10, o + 2 + length);
    }
    if (marker === 0xda) break;
    o += 2 + length;
  }
  return null;
}
