import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { tooManyRequests } from '@rectify/domain';
import { sha256Hex } from '../../lib/crypto.ts';

export const DEVICE_COOKIE = 'rectify_device';
export const DEVICE_HEADER = 'x-device-id';

/**
 * Fixed one-minute windows per key, in memory. Each app process limits on its own: behind a proxy with N processes
 * the effective limit is at most N times the setting, which is acceptable for abuse control.
 */
export class WindowLimiter {
  private window = 0;
  private counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /** Counts one hit; false when the key is over its limit in this minute. */
  hit(key: string, now = Date.now()): boolean {
    const w = Math.floor(now / 60_000);
    if (w !== this.window) {
      this.window = w;
      this.counts = new Map();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n <= this.perMinute;
  }
}

/**
 * The device a public request comes from: the `x-device-id` header (apps), else the `rectify_device` cookie, which is
 * set on first contact. Only its hash is ever stored.
 */
export function deviceKey(request: FastifyRequest, reply: FastifyReply): string {
  let id = presentedDeviceId(request);
  if (!id) {
    id = randomBytes(16).toString('base64url');
    reply.setCookie(DEVICE_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400 });
  }
  return hashDevice(id);
}

function presentedDeviceId(request: FastifyRequest): string | undefined {
  const header = request.headers[DEVICE_HEADER];
  const id =
    typeof header === 'string' && header.length >= 8 && header.length <= 128 ? header : request.cookies[DEVICE_COOKIE];
  return id && /^[A-Za-z0-9_-]{8,128}$/.test(id) ? id : undefined;
}

const hashDevice = (id: string) => sha256Hex(`device:${id}`).slice(0, 32);

/** A pair of limiters (per address and per device) for one kind of public request. */
export class PublicLimits {
  private readonly byIp: WindowLimiter;
  private readonly byDevice: WindowLimiter;

  constructor(perMinute: number) {
    this.byIp = new WindowLimiter(perMinute);
    this.byDevice = new WindowLimiter(perMinute);
  }

  /** Throws 429 when the address or the device is over the limit; returns the device key (minted when new). */
  check(request: FastifyRequest, reply: FastifyReply): string {
    const device = deviceKey(request, reply);
    this.count(request, reply, device);
    return device;
  }

  /**
   * For reads: like `check`, but a request without a device id is limited by its address alone and gets no new id —
   * a fresh id has no history to limit, and minting one (random bytes, a hash, a cookie) on every cookie-less read
   * took 40 % of a cached tracking page’s time.
   */
  checkRead(request: FastifyRequest, reply: FastifyReply): void {
    const id = presentedDeviceId(request);
    this.count(request, reply, id === undefined ? undefined : hashDevice(id));
  }

  private count(request: FastifyRequest, reply: FastifyReply, device: string | undefined): void {
    const okIp = this.byIp.hit(request.ip);
    const okDevice = device === undefined || this.byDevice.hit(device);
    if (!okIp || !okDevice) {
      reply.header('retry-after', String(60 - (Math.floor(Date.now() / 1000) % 60)));
      throw tooManyRequests('提交过于频繁，请稍后再试', { per: okIp ? 'device' : 'address' });
    }
  }
}
