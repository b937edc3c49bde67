import { z } from 'zod';
import { RATING_VALUES } from '../problem/states.ts';
import { pageQuery, regionCode } from './common.ts';

/**
 * The public side of clues (DESIGN §6): what a reporter sends and what the public endpoints answer. Shared by the
 * server's routes and the portal's forms, so both validate with the same objects.
 */

/** No 0/O, 1/I/L, U/V: nothing a reader can confuse on paper or over the phone. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const TRACKING_CODE_LENGTH = 10;

/** What a person typed (lower case, spaces, dashes) → the stored form, or undefined if impossible. */
export function normaliseTrackingCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== TRACKING_CODE_LENGTH) return undefined;
  for (const c of code) if (!TRACKING_ALPHABET.includes(c)) return undefined;
  return code;
}

/** ABCD-EFGH-JK: how the code is shown to people. */
export const formatTrackingCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '附件应以 SHA-256 摘要（64 位十六进制）引用');

/** Photos a report may reference. */
export const MAX_CLUE_PHOTOS = 9;

export const contactInput = z.strictObject({
  name: z.string().trim().max(50, '姓名不能超过 50 字').optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[+\d][\d\s-]{5,19}$/, '电话号码格式不正确')
    .optional(),
  email: z.email('电子邮箱格式不正确').max(200).optional(),
});

/** The content of a clue, shared by the portal, staff entry and the import mapping. */
export const clueContent = {
  title: z.string().trim().min(2, '标题至少 2 个字').max(100, '标题不能超过 100 字'),
  body: z.string().trim().min(5, '内容至少 5 个字').max(5000, '内容不能超过 5000 字'),
  category: z.string().trim().max(50).optional(),
  regionCode,
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  address: z.string().trim().max(200, '地址不能超过 200 字').optional(),
  attachments: z.array(sha256Hex).max(MAX_CLUE_PHOTOS, `最多上传 ${MAX_CLUE_PHOTOS} 张照片`).optional(),
  contact: contactInput.optional(),
  anonymous: z.boolean().default(false),
};

/** `POST /api/public/clues`. */
export const publicClueSubmitBody = z.strictObject({
  ...clueContent,
  idempotencyKey: z
    .string()
    .trim()
    .min(8)
    .max(128)
    .optional()
    .describe('a retried submit with the same key returns the first'),
  /** Honeypot: hidden in the form; people leave it empty. */
  website: z.string().max(500).optional(),
});
export type PublicClueSubmit = z.input<typeof publicClueSubmitBody>;

/** The answer to a submit: the tracking code at once. */
export const publicClueSubmitted = z.object({
  trackingCode: z.string(),
  state: z.string(),
  message: z.string(),
  receivedAt: z.string(),
});
export type PublicClueSubmitted = z.infer<typeof publicClueSubmitted>;

/** `POST /api/public/clues/:code/rating` and `/problem-rating`. */
export const publicRatingBody = z.strictObject({
  value: z.enum(RATING_VALUES, { message: '请选择满意、基本满意或不满意' }),
  comment: z.string().trim().max(500, '评价意见不能超过 500 字').optional(),
});
export type PublicRating = z.infer<typeof publicRatingBody>;

/** `GET /api/public/problems`: published problems of a region subtree, searched and paged. */
export const publicProblemsQuery = pageQuery.extend({
  region: z
    .string()
    .regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码应为 6 位或 9 位数字')
    .optional(),
  q: z.string().max(100).optional(),
  state: z.string().max(30).optional(),
});

/** A published problem as the list shows it (personal data masked). */
export const publicProblemSummary = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  regionCode: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  leadUnit: z.string().nullable(),
  deadline: z.string().nullable(),
  closedAt: z.string().nullable(),
  publishedAt: z.string(),
  updatedAt: z.string(),
});
export type PublicProblemSummary = z.infer<typeof publicProblemSummary>;

/** A published problem with the parts staff chose to publish; null where not published. */
export const publicProblemView = publicProblemSummary.extend({
  measures: z.array(z.object({ text: z.string(), due: z.string() })).nullable(),
  progress: z
    .array(
      z.object({
        at: z.string(),
        period: z.string(),
        percent: z.number(),
        done: z.string(),
        nextSteps: z.string(),
      }),
    )
    .nullable(),
  result: z
    .object({
      outcome: z.string().nullable(),
      outcomeLabel: z.string().nullable(),
      closedAt: z.string().nullable(),
      notes: z.string().nullable(),
    })
    .nullable(),
});
export type PublicProblemView = z.infer<typeof publicProblemView>;

export const publicProblemPage = z.object({
  items: z.array(publicProblemSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PublicProblemPage = z.infer<typeof publicProblemPage>;

/** One published step of a clue: a fixed sentence plus the text meant for the reporter. */
export const publicClueStep = z.object({ at: z.string(), label: z.string(), text: z.string().nullable() });
export type PublicClueStep = z.infer<typeof publicClueStep>;

/** `GET /api/public/clues/:code`: what the holder of a tracking code sees. */
export const trackedClueView = z.object({
  trackingCode: z.string(),
  title: z.string(),
  body: z.string(),
  category: z.string().nullable(),
  regionCode: z.string(),
  channel: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  receivedAt: z.string(),
  steps: z.array(publicClueStep),
  canRate: z.boolean(),
  rating: z.object({ value: z.string(), label: z.string() }).nullable(),
  problem: publicProblemView.nullable(),
});
export type TrackedClueView = z.infer<typeof trackedClueView>;
