import { z } from 'zod';
import { PROBLEM_STATES, type ProblemState } from '../problem/states.ts';
import { PROBLEM_COMMANDS } from '../problem/commands.ts';
import { exportFormat, pageQuery, regionCode, uuid } from './common.ts';

export const PROBLEM_SEVERITIES = ['normal', 'important', 'critical'] as const;
export const PROBLEM_SOURCES = ['campaign', 'clue', 'research', 'data'] as const;

export const createProblemBody = z.strictObject({
  title: z.string().trim().min(4, '标题至少 4 个字').max(200),
  description: z.string().trim().min(10, '问题描述至少 10 个字').max(10_000),
  category: z.string().trim().max(50).optional(),
  severity: z.enum(PROBLEM_SEVERITIES).default('normal'),
  source: z.enum(PROBLEM_SOURCES),
  regionCode,
  campaignId: uuid.optional(),
});

export const problemView = z.object({
  id: uuid,
  title: z.string(),
  description: z.string(),
  category: z.string().nullable(),
  severity: z.enum(PROBLEM_SEVERITIES),
  source: z.enum(PROBLEM_SOURCES),
  regionCode: z.string(),
  campaignId: z.string().nullable(),
  state: z.enum(PROBLEM_STATES),
  leadUnitId: z.string().nullable(),
  coUnitIds: z.array(z.string()),
  deadline: z.string().nullable(),
  assignedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  warning: z.enum(['green', 'yellow', 'red']).nullable(),
  overdueDays: z.number().int(),
  escalation: z.number().int(),
  reopened: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});

export const problemDetailView = problemView.extend({
  snapshot: z.record(z.string(), z.unknown()),
  flags: z.record(z.string(), z.unknown()),
  /** The commands the caller may fire now: the UI shows exactly these as buttons. */
  allowedActions: z.array(z.enum(PROBLEM_COMMANDS as [string, ...string[]])),
});

/** A lifecycle command: the payload of the command plus the version the caller read. */
export const problemCommandEnvelope = z.object({
  version: z.number().int().min(1).describe('the version you read; a stale version gets 409'),
  input: z.unknown().describe('the payload of the command (see PROBLEM_COMMAND_PAYLOADS)'),
});

/** The three lists (DESIGN §3) are views of one problem query; the responsibility and rectification lists only hold
 * these states (问题清单 holds every state). Written once here for the API and the console's filters. */
export const PROBLEM_LISTS = ['problems', 'responsibility', 'rectification'] as const;
export type ProblemList = (typeof PROBLEM_LISTS)[number];
export const PROBLEM_LIST_STATES: Record<ProblemList, readonly ProblemState[]> = {
  problems: PROBLEM_STATES,
  responsibility: ['assigned', 'disputed', 'plan_review', 'rectifying', 'closure_review', 'verifying', 'closed'],
  rectification: ['rectifying', 'closure_review', 'verifying', 'closed'],
};

const csv = (v: unknown) => (typeof v === 'string' && v !== '' ? v.split(',') : undefined);

export const problemListQuery = pageQuery.extend({
  state: z.preprocess(csv, z.array(z.enum(PROBLEM_STATES)).optional()),
  warning: z.enum(['green', 'yellow', 'red']).optional(),
  region: z
    .string()
    .regex(/^\d{2,9}$/, '行政区划代码前缀应为 2–9 位数字')
    .optional(),
  unit: uuid.optional(),
  campaign: uuid.optional(),
  source: z.enum(PROBLEM_SOURCES).optional(),
  q: z.string().max(50).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  escalation: z.coerce.number().int().min(0).max(3).optional(),
  sort: z.enum(['updated', 'created', 'deadline', 'overdue', 'escalation']).default('updated'),
  format: exportFormat,
});
