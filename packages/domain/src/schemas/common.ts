import { z } from 'zod';
import { REGION_CODE_PATTERN } from '../regions.ts';

/** The one error shape of the API. */
export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

/** The 4xx answers a use-case route can give, for its OpenAPI description (`response: { 200: …, ...errorResponses }`). */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
};

export const uuid = z.uuid({ message: '不是有效的编号（UUID）' });
export const regionCode = z.string().regex(REGION_CODE_PATTERN, '行政区划代码应为 6 位或 9 位数字');
export const isoDateTime = z.string().describe('ISO 8601 date-time');

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** `format=csv` on a list endpoint exports exactly the rows the same filters select, without paging. */
export const exportFormat = z.enum(['json', 'csv']).default('json');

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const idParams = z.object({ id: uuid });
export const okResponse = z.object({ ok: z.literal(true) });
