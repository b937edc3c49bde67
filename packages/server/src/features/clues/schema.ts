import { z } from 'zod';
import { CLUE_COMMANDS, CLUE_STATES, pageQuery } from '@rectify/domain';
import { clueContent } from '@rectify/domain/schemas/clues';
import { needsReviewParam } from '@rectify/domain/schemas/analytics';

// The public clue payloads live in the domain so the portal validates with the same objects.
export { clueContent };

const csv = (v: unknown) => (typeof v === 'string' && v !== '' ? v.split(',') : undefined);

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
  needsReview: needsReviewParam,
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

/** `PUT /api/problems/:id/publication`: the domain's schema, shared with the console. */
export { publicationBody } from '@rectify/domain/schemas/follow-up';
