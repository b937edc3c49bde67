import type { FastifyReply } from 'fastify';
import { xmlEscape } from '../public/feed.ts';

/**
 * GeoReport v2 serialisation: the same list of flat records as a JSON array or as XML
 * (`<services><service>…</service></services>`, `<service_requests><request>…</request></service_requests>`,
 * `<errors><error>…</error></errors>`). Null values are empty elements in XML and `null` in JSON.
 */
export type Open311Format = 'json' | 'xml';
export type Open311Record = Record<string, string | number | boolean | null | undefined>;

export function toXml(root: string, item: string, records: readonly Open311Record[]): string {
  const body = records
    .map((r) => {
      const fields = Object.entries(r)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => (v === null || v === '' ? `<${k}/>` : `<${k}>${xmlEscape(String(v))}</${k}>`))
        .join('');
      return `<${item}>${fields}</${item}>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${body}</${root}>`;
}

const ROOTS = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
} as const;

export function sendOpen311(
  reply: FastifyReply,
  format: Open311Format,
  kind: keyof typeof ROOTS,
  records: readonly Open311Record[],
  status = 200,
) {
  reply.status(status);
  if (format === 'xml') {
    const [root, item] = ROOTS[kind];
    return reply.header('content-type', 'text/xml; charset=utf-8').send(toXml(root, item, records));
  }
  return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(records));
}

/** `requests.json` → ['requests', 'json']; undefined when the extension is not one of the two formats. */
export function splitFormat(file: string): [string, Open311Format] | undefined {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? [m[1]!, m[2] as Open311Format] : undefined;
}
