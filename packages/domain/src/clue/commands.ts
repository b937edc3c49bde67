import { z } from 'zod';
import { RATING_VALUES } from '../problem/states.ts';
import { uuid } from '../schemas/common.ts';

const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);

/** Payload schemas of the clue commands, keyed by command type (the one list of clue commands). */
export const CLUE_COMMAND_PAYLOADS = {
  triage: z.strictObject({
    category: text('分类', 50),
    handlingUnitId: uuid.optional(),
    note: z.string().trim().max(500).optional(),
  }),
  /** Exactly one of `problemId` (link to an existing problem) or `createProblem` (the server creates one). */
  accept: z.strictObject({ problemId: uuid.optional(), createProblem: z.boolean().default(false) }),
  merge: z.strictObject({ intoClueId: uuid }),
  forward: z.strictObject({ to: text('转办机关', 100), note: z.string().trim().max(500).optional() }),
  reject: z.strictObject({ reason: text('不予受理的理由', 1000) }),
  reply: z.strictObject({ text: text('答复内容', 5000) }),
  rate: z.strictObject({
    value: z.enum(RATING_VALUES, { message: '请选择满意、基本满意或不满意' }),
    comment: z.string().trim().max(500, '评价意见不能超过 500 字').optional(),
  }),
} as const;

export type ClueCommandType = keyof typeof CLUE_COMMAND_PAYLOADS;
export const CLUE_COMMANDS = Object.keys(CLUE_COMMAND_PAYLOADS) as ClueCommandType[];
export type ClueCommandInput<K extends ClueCommandType> = z.output<(typeof CLUE_COMMAND_PAYLOADS)[K]>;
export type ClueCommand = { [K in ClueCommandType]: { type: K; input: ClueCommandInput<K> } }[ClueCommandType];
