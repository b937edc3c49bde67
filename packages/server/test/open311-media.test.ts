import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readPhotoFacts } from '../src/lib/exif.ts';
import { stripJpegMetadata, stripPngMetadata } from '../src/features/open311/media.ts';
import { jpegWithExif } from '../../../test/fixtures/photos.ts';
import { login, startTestPlatform, type TestPlatform } from './helpers.ts';

/** A phone photo: EXIF with GPS, a comment with a name and phone, then image data (a scan) and the end marker. */
function phonePhoto(seed: string): Buffer {
  const exif = jpegWithExif('2026:11:22 08:00:00', [30, 51, 7.25], [120, 4, 3.5]);
  const comment = Buffer.from('拍摄者 张三 13812345678', 'utf8');
  const com = Buffer.alloc(4);
  com.writeUInt16BE(0xfffe, 0);
  com.writeUInt16BE(comment.length + 2, 2);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  return Buffer.concat([
    exif.subarray(0, exif.length - 2),
    com,
    comment,
    sos,
    Buffer.from(`scan-${seed}`),
    Buffer.from([0xff, 0xd9]),
  ]);
}

function png(chunks: [string, Buffer][]): Buffer {
  const parts: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  for (const [type, data] of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    parts.push(head, data, Buffer.alloc(4)); // the CRC is not checked here
  }
  return Buffer.concat(parts);
}

describe('photo metadata removal', () => {
  it('drops EXIF and comments from a JPEG and keeps the image data', () => {
    const photo = phonePhoto('a');
    expect(readPhotoFacts(photo)?.latitude).toBeCloseTo(30.852, 2);
    const clean = stripJpegMetadata(photo)!;
    expect(readPhotoFacts(clean)?.latitude ?? null).toBeNull();
    expect(clean.includes(Buffer.from('Exif'))).toBe(false);
    expect(clean.includes(Buffer.from('13812345678'))).toBe(false);
    expect(clean.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(clean.subarray(clean.indexOf(Buffer.from([0xff, 0xda])))).toEqual(
      photo.subarray(photo.indexOf(Buffer.from([0xff, 0xda]))),
    );
    expect(stripJpegMetadata(Buffer.from('not a jpeg'))).toBeUndefined();
    expect(stripJpegMetadata(photo.subarray(0, 30))).toBeUndefined();
  });

  it('drops text, EXIF and time chunks from a PNG and keeps the image chunks', () => {
    const ihdr = Buffer.alloc(13, 1);
    const idat = Buffer.from('pixels');
    const original = png([
      ['IHDR', ihdr],
      ['tEXt', Buffer.from('Author\0张三 13812345678')],
      ['eXIf', Buffer.from('MM\0*gps')],
      ['IDAT', idat],
      ['IEND', Buffer.alloc(0)],
    ]);
    const clean = stripPngMetadata(original)!;
    expect(clean).toEqual(
      png([
        ['IHDR', ihdr],
        ['IDAT', idat],
        ['IEND', Buffer.alloc(0)],
      ]),
    );
    expect(stripPngMetadata(original.subarray(0, 20))).toBeUndefined();
  });
});

describe('Open311 media_url', () => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({
      env: {
        RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '1000',
        RECTIFY_PUBLIC_READS_PER_MINUTE: '1000',
        RECTIFY_DATA: `/tmp/rectify-open311-media-${process.pid}`,
      },
    });
  });
  afterAll(() => t.close());

  async function uploadPhoto(bytes: Buffer, type = 'image/jpeg', name = 'photo.jpg'): Promise<string> {
    const boundary = '----open311-media';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="regionCode"\r\n\r\n330502\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/evidence',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode).toBe(201);
    return res.json().items[0].sha256;
  }
  let n = 0;
  async function report(attachments: string[], extra: Record<string, unknown> = {}): Promise<string> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/clues',
      payload: {
        title: '人行道地砖破损',
        body: `人行道地砖大面积破损，老人经过容易绊倒，附现场照片。第${++n}条`,
        regionCode: '330502',
        attachments,
        ...extra,
      },
    });
    expect(res.statusCode).toBe(201);
    const code = (res.json().trackingCode as string).replace(/-/g, '');
    const { rows } = await t.database.sql.query<{ id: string }>('SELECT id FROM clues WHERE tracking_code = $1', [
      code,
    ]);
    return rows[0]!.id;
  }
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const record = async (id: string) => (await get(`/open311/v2/requests/${id}.json`)).json()[0];

  it('gives the first public photo of a request, in JSON and XML, served without its metadata', async () => {
    const photo = phonePhoto('first');
    const sha = await uploadPhoto(photo);
    const second = await uploadPhoto(phonePhoto('second'));
    const id = await report([sha, second]);
    const url = `http://localhost:80/open311/v2/media/${id}/${sha}.jpg`;
    expect((await record(id)).media_url).toBe(url);
    const listed = (await get('/open311/v2/requests.json')).json() as {
      service_request_id: string;
      media_url: string;
    }[];
    expect(listed.find((r) => r.service_request_id === id)?.media_url).toBe(url);
    const xml = (await get(`/open311/v2/requests/${id}.xml`)).body;
    expect(xml).toContain(`<media_url>${url}</media_url>`);

    const served = await get(new URL(url).pathname);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const bytes = served.rawPayload;
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(bytes.includes(Buffer.from('scan-first'))).toBe(true);
    expect(readPhotoFacts(bytes)?.latitude ?? null).toBeNull();
    expect(bytes.includes(Buffer.from('13812345678'))).toBe(false);
    expect(createHash('sha256').update(bytes).digest('hex')).not.toBe(sha);
    // Only the request's first photo is offered.
    expect((await get(`/open311/v2/media/${id}/${second}.jpg`)).statusCode).toBe(404);
  });

  it('is null without a photo, in JSON and XML', async () => {
    const id = await report([]);
    expect((await record(id)).media_url).toBeNull();
    expect((await get(`/open311/v2/requests/${id}.xml`)).body).toContain('<media_url/>');
  });

  it("never serves a held report's photo, another request's photo, a staff upload, or a malformed address", async () => {
    const spamPhoto = await uploadPhoto(phonePhoto('spam'));
    const spam = await report([spamPhoto], { website: 'http://spam.example' });
    expect((await get(`/open311/v2/requests/${spam}.json`)).statusCode).toBe(404);
    expect((await get(`/open311/v2/media/${spam}/${spamPhoto}.jpg`)).statusCode).toBe(404);

    const mine = await uploadPhoto(phonePhoto('mine'));
    const other = await report([await uploadPhoto(phonePhoto('other'))]);
    expect((await get(`/open311/v2/media/${other}/${mine}.jpg`)).statusCode).toBe(404);

    // A file uploaded by staff is not public even if its hash is known and a public report names it.
    const staff = await login(t.app, 'unit_liaison');
    const boundary = '----staff';
    const staffPhoto = phonePhoto('staff');
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/evidence',
      headers: {
        cookie: staff.cookie,
        'x-csrf-token': staff.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        staffPhoto,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(up.statusCode).toBe(201);
    const staffSha = up.json().items[0].sha256 as string;
    const named = await t.app.inject({
      method: 'POST',
      url: '/api/public/clues',
      payload: {
        title: '人行道地砖破损',
        body: '引用他人上传的照片哈希值试图获取文件。',
        regionCode: '330502',
        attachments: [staffSha],
      },
    });
    if (named.statusCode === 201) {
      const code = (named.json().trackingCode as string).replace(/-/g, '');
      const { rows } = await t.database.sql.query<{ id: string }>('SELECT id FROM clues WHERE tracking_code = $1', [
        code,
      ]);
      const id = rows[0]!.id;
      expect((await record(id)).media_url).toBeNull();
      expect((await get(`/open311/v2/media/${id}/${staffSha}.jpg`)).statusCode).toBe(404);
    } else {
      expect(named.statusCode).toBe(400); // refused at submit: no public report can name it
    }

    for (const path of [
      '/open311/v2/media/not-a-uuid/abc.jpg',
      `/open311/v2/media/${other}/${'0'.repeat(64)}.jpg`,
      `/open311/v2/media/${other}/${mine}.exe`,
      `/open311/v2/media/00000000-0000-4000-8000-000000000000/${mine}.jpg`,
    ]) {
      const res = await get(path);
      expect(res.statusCode).toBe(404);
      expect(res.json()[0].description).toBeTruthy();
    }
  });
});
