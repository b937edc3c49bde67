import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readPhotoFacts } from '../src/lib/exif.ts';
import { sniffEvidenceType } from '../src/lib/sniff.ts';
import { jpegWithExif } from '../../../test/fixtures/photos.ts';
import { expectError, login, startTestPlatform, type Session, type TestPlatform } from './helpers.ts';

function multipartBody(files: { name: string; type: string; bytes: Buffer }[], fields: Record<string, string> = {}) {
  const boundary = '----rectify-test-boundary';
  const fieldParts = Object.entries(fields).map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
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
    payload: Buffer.concat([...fieldParts, ...parts, Buffer.from(`--${boundary}--\r\n`)]),
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

describe('photos sent with a public report (POST /api/public/evidence)', () => {
  const publicUpload = (files: { name: string; type: string; bytes: Buffer }[], fields: Record<string, string>) => {
    const { payload, contentType } = multipartBody(files, fields);
    return t.app.inject({
      method: 'POST',
      url: '/api/public/evidence',
      payload,
      headers: { 'content-type': contentType },
    });
  };
  const photo = jpegWithExif('2026:11:22 08:00:00', [30, 51, 0], [120, 4, 0]);

  it('stores a photo without an account, in the region of the report, for that region’s staff only', async () => {
    const res = await publicUpload([{ name: 'road.jpg', type: 'image/jpeg', bytes: photo }], { regionCode: '330502' });
    expect(res.statusCode).toBe(201);
    const sha = createHash('sha256').update(photo).digest('hex');
    expect(res.json().items).toEqual([{ sha256: sha, size: photo.length, mime: 'image/jpeg' }]);
    const staff = await login(t.app, 'cppcc_staff');
    const read = await t.app.inject({ method: 'GET', url: `/api/evidence/${sha}`, headers: { cookie: staff.cookie } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect((await t.app.inject({ method: 'GET', url: `/api/evidence/${sha}` })).statusCode).toBe(401);
  });

  it('refuses what is not a photo, a missing or malformed place, and nothing is stored', async () => {
    const pdf = Buffer.from('%PDF-1.7\n');
    expectError(
      await publicUpload([{ name: 'a.pdf', type: 'application/pdf', bytes: pdf }], { regionCode: '330502' }),
      415,
    );
    expectError(await publicUpload([{ name: 'b.jpg', type: 'image/jpeg', bytes: photo }], {}), 400);
    expectError(await publicUpload([{ name: 'c.jpg', type: 'image/jpeg', bytes: photo }], { regionCode: 'x' }), 400);
    const staff = await login(t.app, 'cppcc_staff');
    const sha = createHash('sha256').update(pdf).digest('hex');
    const read = await t.app.inject({ method: 'GET', url: `/api/evidence/${sha}`, headers: { cookie: staff.cookie } });
    expect(read.statusCode).toBe(404);
  });
});
