import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readPhotoFacts } from '../src/lib/exif.ts';
import { sniffEvidenceType } from '../src/lib/sniff.ts';
import { expectError, login, startTestPlatform, type Session, type TestPlatform } from './helpers.ts';

/** A minimal big-endian EXIF JPEG: DateTimeOriginal and GPS position, as a phone camera writes them. */
function jpegWithExif(taken: string, lat: [number, number, number], lon: [number, number, number]): Buffer {
  const entries = (list: [number, number, number, Buffer][], dataStart: number) => {
    const head = Buffer.alloc(2 + list.length * 12 + 4);
    head.writeUInt16BE(list.length, 0);
    const data: Buffer[] = [];
    let at = dataStart + head.length;
    list.forEach(([tag, type, count, value], i) => {
      const e = 2 + i * 12;
      head.writeUInt16BE(tag, e);
      head.writeUInt16BE(type, e + 2);
      head.writeUInt32BE(count, e + 4);
      if (value.length <= 4) value.copy(head, e + 8);
      else {
        head.writeUInt32BE(at, e + 8);
        data.push(value);
        at += value.length;
      }
    });
    return Buffer.concat([head, ...data]);
  };
  const rational = (parts: number[]) => {
    const b = Buffer.alloc(parts.length * 8);
    parts.forEach((p, i) => {
      b.writeUInt32BE(Math.round(p * 100), i * 8);
      b.writeUInt32BE(100, i * 8 + 4);
    });
    return b;
  };
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const ascii = (s: string) => Buffer.from(`${s}\0`, 'latin1');
  // Layout: header(8) | IFD0 | EXIF IFD | GPS IFD, offsets from the TIFF header.
  const ifd0Size = 2 + 2 * 12 + 4;
  const exifStart = 8 + ifd0Size;
  const exifIfd = entries([[0x9003, 2, 20, ascii(taken)]], exifStart);
  const gpsStart = exifStart + exifIfd.length;
  const gpsIfd = entries(
    [
      [1, 2, 2, ascii('N')],
      [2, 5, 3, rational(lat)],
      [3, 2, 2, ascii('E')],
      [4, 5, 3, rational(lon)],
    ],
    gpsStart,
  );
  const ifd0 = entries(
    [
      [0x8769, 4, 1, u32(exifStart)],
      [0x8825, 4, 1, u32(gpsStart)],
    ],
    8,
  );
  const tiff = Buffer.concat([Buffer.from('MM\0*\0\0\0\x08', 'latin1'), ifd0, exifIfd, gpsIfd]);
  const app1 = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const len = Buffer.alloc(2);
  len.writeUInt16BE(app1.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), len, app1, Buffer.from([0xff, 0xd9])]);
}

function multipartBody(files: { name: string; type: string; bytes: Buffer }[]) {
  const boundary = '----rectify-test-boundary';
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.bytes,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

let t: TestPlatform;
let liaison: Session;
let member: Session;
beforeAll(async () => {
  t = await startTestPlatform({
    env: { RECTIFY_UPLOAD_LIMIT_BYTES: '65536', RECTIFY_DATA: `/tmp/rectify-evidence-${process.pid}` },
  });
  liaison = await login(t.app, 'unit_liaison');
  member = await login(t.app, 'member');
});
afterAll(() => t.close());

const upload = (s: Session, files: { name: string; type: string; bytes: Buffer }[]) => {
  const { payload, contentType } = multipartBody(files);
  return t.app.inject({
    method: 'POST',
    url: '/api/evidence',
    payload,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType },
  });
};

describe('evidence files', () => {
  it('reads time and place from a photo’s EXIF', () => {
    const facts = readPhotoFacts(jpegWithExif('2026:11:20 09:30:15', [30, 52, 12.5], [120, 5, 30]));
    expect(facts).toMatchObject({ takenAt: '2026-11-20 09:30:15' });
    expect(facts!.latitude).toBeCloseTo(30 + 52 / 60 + 12.5 / 3600, 5);
    expect(facts!.longitude).toBeCloseTo(120 + 5 / 60 + 30 / 3600, 5);
    expect(readPhotoFacts(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 4, 1, 2]))).toBeNull();
  });

  it('recognises types from bytes, not names', () => {
    expect(sniffEvidenceType(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffEvidenceType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffEvidenceType(Buffer.from('MZ\x90\x00'))).toBeNull();
  });

  it('stores an upload by SHA-256 once, returns its EXIF, and serves it with its sniffed type only', async () => {
    const photo = jpegWithExif('2026:11:21 14:00:00', [30, 50, 0], [120, 6, 0]);
    const sha = createHash('sha256').update(photo).digest('hex');
    const res = await upload(liaison, [{ name: '现场照片.jpg', type: 'text/html', bytes: photo }]);
    expect(res.statusCode).toBe(201);
    const [item] = res.json().items;
    expect(item).toMatchObject({ sha256: sha, mime: 'image/jpeg', size: photo.length, originalName: '现场照片.jpg' });
    expect(item.exif.takenAt).toBe('2026-11-21 14:00:00');
    const again = await upload(liaison, [{ name: 'copy.jpg', type: 'image/jpeg', bytes: photo }]);
    expect(again.json().items[0].originalName).toBe('现场照片.jpg');

    const got = await t.app.inject({ method: 'GET', url: `/api/evidence/${sha}`, headers: { cookie: liaison.cookie } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    expect(Buffer.compare(got.rawPayload, photo)).toBe(0);
    // The member's region grant (湖州市) covers the liaison's upload; an unknown digest is 404.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/evidence/${sha}`, headers: { cookie: member.cookie } }))
        .statusCode,
    ).toBe(200);
    expectError(
      await t.app.inject({ method: 'GET', url: `/api/evidence/${'0'.repeat(64)}`, headers: { cookie: member.cookie } }),
      404,
    );

    // A photo named by a step shows, in the problem's timeline, where and when it was taken.
    const staff = await login(t.app, 'cppcc_staff');
    const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({ method, url, payload: payload as never, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
    const me = (await call(liaison, 'GET', '/api/auth/me')).json().user;
    let p = (
      await call(staff, 'POST', '/api/problems', {
        title: '排水口堵塞',
        description: '某路段排水口堵塞，雨天积水。',
        source: 'data',
        regionCode: '330502',
      })
    ).json();
    p = (await call(staff, 'POST', `/api/problems/${p.id}/commands/confirm`, { version: p.version, input: {} })).json();
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    p = (
      await call(staff, 'POST', `/api/problems/${p.id}/commands/assign`, {
        version: p.version,
        input: { leadUnitId: me.unitId, responsibleLeader: '局长', responsiblePerson: '科长', deadline },
      })
    ).json();
    const disputed = await call(liaison, 'POST', `/api/problems/${p.id}/commands/dispute`, {
      version: p.version,
      input: { reason: '排水设施属水利部门管理', evidence: [sha] },
    });
    expect(disputed.statusCode).toBe(200);
    const timeline = (await call(staff, 'GET', `/api/problems/${p.id}/events`)).json();
    expect(timeline.files[sha]).toMatchObject({ mime: 'image/jpeg', exif: { takenAt: '2026-11-21 14:00:00' } });
  });

  it('refuses a disguised or executable file with 415 and an oversize one with 413, storing nothing', async () => {
    const html = await upload(liaison, [
      { name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('<html><script>alert(1)</script></html>') },
    ]);
    expect(expectError(html, 415, 'unsupported_media_type').message).toContain('photo.jpg');
    expectError(
      await upload(liaison, [
        { name: 'tool.exe', type: 'application/octet-stream', bytes: Buffer.from('MZ\x90\x00\x03') },
      ]),
      415,
    );
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(70_000, 0x20)]);
    expectError(await upload(liaison, [{ name: 'big.pdf', type: 'application/pdf', bytes: big }]), 413);
    const { rows } = await t.database.sql.query<{ n: number }>('select count(*)::int n from evidence_files');
    expect(rows[0]!.n).toBe(1);
    expectError(await upload(liaison, []), 400);
  });
});
