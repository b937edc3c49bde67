import { z } from 'zod';
import { CLUE_COMMANDS, CLUE_STATES, pageQuery, regionCode } from '@rectify/domain';

const csv = (v: unknown) => (typeof v === 'string' && v !== '' ? v.split(',') : undefined);
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '附件应以 SHA-256 摘要（64 位十六进制）引用');

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
  attachments: z.array(sha256Hex).max(9, '最多上传 9 张照片').optional(),
  contact: contactInput.optional(),
  anonymous: z.boolean().default(false),
};

/** Staff and members entering a clue from a visit, a meeting or a phone call. */
export const staffClueBody = z.strictObject({
  ...clueContent,
  channel: z.enum(['member', 'staff', 'hotline', 'platform']),
  externalRef: z.string().trim().max(100).optional(),
});

export const clueListQuery = pageQuery.extend({
  state: z.preprocess(csv, z.array(z.enum(CLUE_STATES)).optional()),
  moderation: z.enum(['ok', 'held', 'spam']).optional(),
  channel: z.enum(['portal', 'hotline', 'open311', 'platform', 'member', 'staff']).optional(),
  region: z
    .string()
    .regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码应为 6 位或 9 位数字')
    .optional(),
  category: z.string().max(50).optional(),
  unit: z.uuid().optional(),
  problem: z.uuid().optional(),
  q: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  sort: z.enum(['received', 'oldest', 'updated']).default('received'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const clueCommandParams = z.object({ id: z.uuid(), command: z.enum(CLUE_COMMANDS as [string, ...string[]]) });

export const clueCommandEnvelope = z.object({
  version: z.number().int().min(1).describe('the version you read; a stale version gets 409'),
  input: z.unknown().describe('the payload of the command (see CLUE_COMMAND_PAYLOADS)'),
});

export const moderationBody = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['release', 'spam']),
  note: z.string().trim().max(500).optional(),
});

export const publicationBody = z.strictObject({
  published: z.boolean(),
  measures: z.boolean().default(false),
  progress: z.boolean().default(false),
  result: z.boolean().default(false),
});
