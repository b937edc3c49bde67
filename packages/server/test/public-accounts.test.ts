import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { LogCodeSender } from '../src/features/public-accounts/sender.ts';
import { normaliseContact } from '../src/features/public-accounts/service.ts';
import { expectError, startTestPlatform, type TestPlatform } from './helpers.ts';

/** The SMS/e-mail gateway: records what the platform asks it to send. */
let gateway: Server;
const sent: { kind: string; contact: string; code: string; text: string }[] = [];
let t: TestPlatform;

beforeAll(async () => {
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      sent.push(JSON.parse(body));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const port = (gateway.address() as { port: number }).port;
  t = await startTestPlatform({
    env: {
      RECTIFY_PUBLIC_CODE_SENDER: 'webhook',
      RECTIFY_PUBLIC_CODE_WEBHOOK_URL: `http://127.0.0.1:${port}/sms`,
      RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '1000',
      RECTIFY_PUBLIC_READS_PER_MINUTE: '1000',
    },
  });
});
afterAll(async () => {
  await t.close();
  await new Promise((r) => gateway.close(r));
});

const post = (url: string, payload: object, cookie?: string) =>
  t.app.inject({ method: 'POST', url, payload, ...(cookie && { headers: { cookie } }) });
const get = (url: string, cookie?: string) =>
  t.app.inject({ method: 'GET', url, ...(cookie && { headers: { cookie } }) });

async function requestCode(contact: string): Promise<string> {
  const res = await post('/api/public/account/code', { contact });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toEqual({ sent: true, expiresInSeconds: 600 });
  expect(JSON.stringify(res.json())).not.toMatch(/\d{6}/);
  return sent.at(-1)!.code;
}
async function signIn(contact: string): Promise<string> {
  const code = await requestCode(contact);
  const res = await post('/api/public/account/sign-in', { contact, code });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'rectify_public')!;
  return `rectify_public=${cookie.value}`;
}
let n = 0;
async function submit(cookie?: string): Promise<string> {
  const res = await post(
    '/api/public/clues',
    { title: '小区路灯长期不亮', body: `东门路灯坏了三个月，晚上出行很不安全。第${++n}条`, regionCode: '330502' },
    cookie,
  );
  expect(res.statusCode).toBe(201);
  return res.json().trackingCode;
}

describe('light public accounts', () => {
  it('sends a 6-digit code through the gateway and signs in with it into an HttpOnly, SameSite=Lax session', async () => {
    const code = await requestCode('138-1234-5678');
    expect(sent.at(-1)).toMatchObject({ kind: 'phone', contact: '13812345678' });
    expect(code).toMatch(/^\d{6}$/);
    expect(sent.at(-1)!.text).toContain(code);
    const res = await post('/api/public/account/sign-in', { contact: '+8613812345678', code });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ contact: '138****5678' });
    const cookie = res.cookies.find((c) => c.name === 'rectify_public')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    // A code works once.
    expectError(await post('/api/public/account/sign-in', { contact: '13812345678', code }), 400, 'invalid_code');
  });

  it('counts wrong codes and refuses even the right one after five', async () => {
    const code = await requestCode('13900002222');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 0; left--) {
      const err = expectError(await post('/api/public/account/sign-in', { contact: '13900002222', code: wrong }), 400);
      expect(err.details).toEqual({ attemptsLeft: left });
    }
    const late = expectError(await post('/api/public/account/sign-in', { contact: '13900002222', code }), 400);
    expect(late.code).toBe('invalid_code');
    expect(late.details).toEqual({ attemptsLeft: 0 });
  });

  it('refuses an expired code and a code when none was requested', async () => {
    const code = await requestCode('expired@example.com');
    await t.database.db.update(schema.publicSignInCodes).set({ expiresAt: new Date(Date.now() - 1000) });
    expectError(
      await post('/api/public/account/sign-in', { contact: 'Expired@Example.com', code }),
      400,
      'code_expired',
    );
    expectError(
      await post('/api/public/account/sign-in', { contact: '13700003333', code: '123456' }),
      400,
      'invalid_code',
    );
  });

  it('rate-limits codes per contact', async () => {
    await requestCode('13600004444');
    expectError(await post('/api/public/account/code', { contact: '136 0000 4444' }), 429, 'rate_limited');
  });

  it('refuses malformed contacts and codes with a message', async () => {
    expectError(await post('/api/public/account/code', { contact: '12345' }), 400);
    expectError(await post('/api/public/account/code', { contact: 'not a contact at all' }), 400);
    expectError(await post('/api/public/account/code', { contact: '13812345678', extra: 1 }), 400);
    expectError(await post('/api/public/account/sign-in', { contact: '13812345678', code: 'abcdef' }), 400);
    expect(() => normaliseContact('0571-88888888')).toThrow();
    expect(normaliseContact(' A.B@Example.COM ')).toEqual({ kind: 'email', value: 'a.b@example.com' });
  });

  it('keeps a session until sign-out; lists only my reports', async () => {
    const mine = await signIn('13500005555');
    const other = await signIn('other@example.com');
    const a1 = await submit(mine);
    const a2 = await submit(mine);
    const b1 = await submit(other);
    const anon = await submit();

    expect((await get('/api/public/account', mine)).json()).toEqual({ contact: '135****5555' });
    expect((await get('/api/public/account', other)).json()).toEqual({ contact: 'o***@example.com' });
    const list = (await get('/api/public/account/clues', mine)).json().items;
    expect(list.map((c: { trackingCode: string }) => c.trackingCode).sort()).toEqual([a1, a2].sort());
    expect(list[0]).toMatchObject({ title: '小区路灯长期不亮', state: 'received', stateLabel: '已接收' });
    const theirs = (await get('/api/public/account/clues', other)).json().items;
    expect(theirs.map((c: { trackingCode: string }) => c.trackingCode)).toEqual([b1]);
    expect(JSON.stringify(theirs)).not.toContain(anon);

    expectError(await get('/api/public/account/clues'), 401);
    expectError(await get('/api/public/account/clues', 'rectify_public=forged-token'), 401);
    const out = await post('/api/public/account/sign-out', {}, mine);
    expect(out.statusCode).toBe(200);
    expectError(await get('/api/public/account/clues', mine), 401);
    expect((await get('/api/public/account/clues', other)).statusCode).toBe(200);
  });

  it('never stores or shows the contact in clear', async () => {
    await signIn('13400006666');
    const rows = await t.database.db.select().from(schema.publicAccounts);
    const row = rows.find((r) => r.contactKind === 'phone' && !JSON.stringify(r).includes('13400006666'));
    expect(row).toBeDefined();
    const all = JSON.stringify(rows);
    expect(all).not.toContain('13400006666');
    expect(all).not.toContain(createHash('sha256').update('13400006666').digest('hex'));
    expect(row!.contactCiphertext).toMatch(/^v1\./);
    const codes = JSON.stringify(await t.database.db.select().from(schema.publicSignInCodes));
    expect(codes).not.toContain('13400006666');
    const [one] = await t.database.db
      .select()
      .from(schema.publicSignInCodes)
      .where(eq(schema.publicSignInCodes.contactDigest, row!.contactDigest));
    expect(one!.codeHash).not.toMatch(/^\d{6}$/);
  });

  it('the log sender writes the code to the structured log', async () => {
    const lines: unknown[] = [];
    const log = { info: (obj: unknown) => lines.push(obj) } as never;
    await new LogCodeSender(log).send({
      kind: 'phone',
      contact: '13812345678',
      code: '123456',
      expiresAt: new Date(0),
    });
    expect(lines).toEqual([
      { signInCode: { kind: 'phone', contact: '13812345678', code: '123456', expiresAt: new Date(0).toISOString() } },
    ]);
  });
});
