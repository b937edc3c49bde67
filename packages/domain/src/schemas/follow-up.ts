import { z } from 'zod';
import { regionCode, uuid } from './common.ts';

/**
 * Bodies of the follow-up work on a problem (意见建议, 长效机制, 典型案例, 政策优化, 公开): one schema each for the
 * server's routes, the OpenAPI document and the console's forms.
 */

export const SUGGESTION_ANSWERS = ['adopted', 'partly_adopted', 'not_adopted'] as const;
export type SuggestionAnswer = (typeof SUGGESTION_ANSWERS)[number];

/** `POST /api/problems/:id/suggestions` (a member). */
export const suggestionBody = z.strictObject({ text: z.string().trim().min(5, '建议至少 5 个字').max(5000) });

/** `POST /api/suggestions/:id/answer` (the lead unit), at the suggestion's version. */
export const suggestionAnswerBody = z
  .strictObject({
    version: z.number().int().min(1),
    answer: z.enum(SUGGESTION_ANSWERS, { message: '请选择采纳、部分采纳或不予采纳' }),
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.answer === 'adopted' || (b.reason?.length ?? 0) >= 5, {
    message: '部分采纳或不予采纳须说明理由（至少 5 个字）',
    path: ['reason'],
  });

export const MECHANISM_KINDS = ['policy', 'regulation', 'procedure'] as const;

/** `POST /api/mechanisms`: a long-term mechanism (长效机制) and the problems it settles. */
export const mechanismBody = z.strictObject({
  kind: z.enum(MECHANISM_KINDS, { message: '类型应为政策文件、制度规定或工作机制' }),
  title: z.string().trim().min(4).max(200),
  documentNo: z.string().trim().max(100).optional(),
  summary: z.string().trim().min(10, '请简要说明机制内容（至少 10 个字）').max(5000),
  issuedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  regionCode,
  unitId: uuid.optional(),
  problemIds: z.array(uuid).max(200).default([]),
});

/** `POST /api/cases`: a typical case (典型案例) from a closed problem. */
export const caseBody = z.strictObject({
  problemId: uuid,
  title: z.string().trim().min(4).max(200),
  summary: z.string().trim().min(20, '请概述整改做法（至少 20 字）').max(20_000),
  lessons: z.string().trim().min(10, '请写明可推广的经验（至少 10 字）').max(10_000),
});

/** `POST /api/policy-items`: an item for the policy-optimisation list (政策优化清单). */
export const policyItemBody = z.strictObject({
  problemId: uuid.optional(),
  title: z.string().trim().min(4).max(200),
  proposal: z.string().trim().min(10).max(10_000),
  unitId: uuid.optional(),
});

/** `PUT /api/problems/:id/publication`: what the public portal shows of a problem. */
export const publicationBody = z.strictObject({
  published: z.boolean(),
  measures: z.boolean().default(false),
  progress: z.boolean().default(false),
  result: z.boolean().default(false),
});
