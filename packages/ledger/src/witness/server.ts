import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { WitnessRefusalError } from '../errors.ts';
import type { Witness } from './witness.ts';

/** Largest request body accepted: a checkpoint with many cosignatures fits easily. */
const MAX_BODY = 64 * 1024;

/**
 * An HTTP server exposing `POST <prefix>/add-checkpoint` for `witness`. Responses follow C2SP
 * tlog-witness: 200 with cosignature lines, 409 with `text/x.tlog.size`, other refusals as text.
 * The caller calls `listen`.
 */
export function createWitnessServer(witness: Witness, prefix = ''): Server {
  return createServer((req, res) => {
    const reply = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (req.url !== `${prefix}/add-checkpoint`) return reply(404, 'not found\n');
    if (req.method !== 'POST') return reply(405, 'method not allowed\n');
    const chunks: Buffer[] = [];
    let len = 0;
    req.on('data', (c: Buffer) => {
      len += c.length;
      if (len > MAX_BODY) {
        reply(413, 'request too large\n');
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      let body: string;
      try {
        body = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
      } catch {
        return reply(400, 'request body is not UTF-8\n');
      }
      witness.addCheckpoint(body).then(
        (lines) => reply(200, lines),
        (e: unknown) => {
          if (e instanceof WitnessRefusalError) {
            if (e.status === 409 && e.latestSize !== undefined) return reply(409, `${e.latestSize}\n`, 'text/x.tlog.size');
            return reply(e.status, e.message + '\n');
          }
          reply(500, 'internal error\n');
        },
      );
    });
  });
}
