import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { registerErrorHandling } from '../src/plugins/errors.ts';
import { DEVICE_COOKIE, PublicLimits } from '../src/features/public/limits.ts';

// Two reads and two submits a minute per address and per device.
let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  registerErrorHandling(app);
  await app.register(cookie);
  const reads = new PublicLimits(2);
  const submits = new PublicLimits(2);
  app.get('/read', async (request, reply) => {
    reads.checkRead(request, reply);
    return { ok: true };
  });
  app.post('/submit', async (request, reply) => ({ device: submits.check(request, reply) }));
  await app.ready();
});
afterAll(() => app.close());

const from = (ip: string, device?: string) => ({
  remoteAddress: ip,
  headers: device ? { 'x-device-id': device } : {},
});

describe('public rate limits', () => {
  it('a read without a device id gets no new id and is limited by its address', async () => {
    const first = await app.inject({ method: 'GET', url: '/read', ...from('10.0.0.1') });
    expect(first.statusCode).toBe(200);
    expect(first.headers['set-cookie']).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/read', ...from('10.0.0.1') })).statusCode).toBe(200);
    const third = await app.inject({ method: 'GET', url: '/read', ...from('10.0.0.1') });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.details).toEqual({ per: 'address' });
    expect(third.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('a read that presents a device id is limited by that device across addresses', async () => {
    for (const ip of ['10.0.1.1', '10.0.1.2'])
      expect((await app.inject({ method: 'GET', url: '/read', ...from(ip, 'device-aaaaaaaa') })).statusCode).toBe(200);
    const third = await app.inject({ method: 'GET', url: '/read', ...from('10.0.1.3', 'device-aaaaaaaa') });
    expect(third.statusCode).toBe(429);
    expect(third.json().error.details).toEqual({ per: 'device' });
  });

  it('a submit without a device id is given one in a cookie, and the same id is its device key next time', async () => {
    const first = await app.inject({ method: 'POST', url: '/submit', ...from('10.0.2.1') });
    expect(first.statusCode).toBe(200);
    const set = first.cookies.find((c) => c.name === DEVICE_COOKIE);
    expect(set?.httpOnly).toBe(true);
    const again = await app.inject({
      method: 'POST',
      url: '/submit',
      remoteAddress: '10.0.2.2',
      cookies: { [DEVICE_COOKIE]: set!.value },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().device).toBe(first.json().device);
    expect(again.cookies.find((c) => c.name === DEVICE_COOKIE)).toBeUndefined();
  });
});
