import type { FastifyReply } from 'fastify';
import { toCsv } from './csv.ts';

export interface PageRequest {
  page: number;
  pageSize: number;
}

export const pageWindow = (q: PageRequest) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/**
 * Answers a list request: a page of JSON, or with `format=csv` every row the same filters select (exports use the
 * same scoped query as the list, so an export can never contain more than the caller may see).
 */
export function sendCsv<T>(
  reply: FastifyReply,
  filename: string,
  rows: readonly T[],
  columns: readonly { header: string; value: (row: T) => unknown }[],
) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}.csv`)
    .header('x-total-count', String(rows.length))
    .send(toCsv(rows, columns));
}
