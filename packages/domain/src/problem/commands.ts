import { z } from 'zod';
import { uuid } from '../schemas/common.ts';
import { isCalendarDate } from './calendar.ts';
import { CLOSURE_OUTCOMES, LOOKBACK_RESULTS, RATING_VALUES } from './states.ts';

/** A calendar date in the region's time zone; deadlines are days, not instants. */
export const calendarDate = z
  .string({ message: '请填写日期' })
  .refine(isCalendarDate, { message: '日期格式应为 YYYY-MM-DD' });

/** Evidence is referenced by the SHA-256 of the uploaded file (DESIGN §3 Evidence). */
export const evidenceHash = z.string().regex(/^[0-9a-f]{64}$/, '佐证材料应为文件的 SHA-256 摘要（64 位小写十六进制）');

/**
 * Evidence lists may be empty at the schema level on purpose: where evidence is required the machine's guard
 * refuses with 422 and a reason, so the rule lives in one place and the API answers the same way everywhere.
 */
const evidence = z.array(evidenceHash).max(50, '佐证材料最多 50 个').default([]);

const text = (label: string, max = 2000) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 字`);

const optionalText = (label: string, max = 2000) => z.string().trim().max(max, `${label}不能超过 ${max} 字`).optional();

const milestone = z.strictObject({ text: text('里程碑内容', 500), due: calendarDate });

/** Payload schemas of every problem command, keyed by command type. The list of commands is written here once. */
export const PROBLEM_COMMAND_PAYLOADS = {
  confirm: z.strictObject({ note: optionalText('备注', 500) }),
  reject: z.strictObject({ reason: text('不予列入的理由', 1000) }),
  assign: z.strictObject({
    leadUnitId: uuid,
    coUnitIds: z.array(uuid).max(20, '协办单位最多 20 个').default([]),
    responsibleLeader: text('责任领导', 50),
    responsiblePerson: text('责任人', 50),
    deadline: calendarDate,
  }),
  dispute: z.strictObject({
    reason: text('异议理由', 2000),
    suggestedUnitId: uuid.optional(),
    evidence,
  }),
  decide_dispute: z.strictObject({
    decision: z.enum(['uphold', 'dismiss'], { message: '请选择支持异议或驳回异议' }),
    reason: text('处理意见', 1000),
  }),
  submit_plan: z.strictObject({
    goal: text('整改目标'),
    rootCause: text('原因分析'),
    measures: z
      .array(z.strictObject({ text: text('整改措施', 1000), owner: text('措施责任人', 50), due: calendarDate }))
      .min(1, '至少填写一项整改措施')
      .max(50, '整改措施最多 50 项'),
    deadline: calendarDate,
    funds: z.number().min(0, '资金不能为负').optional(),
    evidence,
  }),
  approve_plan: z.strictObject({
    checklist: z
      .array(z.strictObject({ item: text('审查事项', 200), ok: z.boolean() }))
      .min(1, '请完成政策合规性审查')
      .max(30),
    comments: optionalText('审核意见', 1000),
  }),
  return_plan: z.strictObject({ comments: text('退回意见', 2000) }),
  report_progress: z.strictObject({
    period: text('报告期', 20),
    percent: z.number().int('完成比例应为整数').min(0, '完成比例应在 0–100 之间').max(100, '完成比例应在 0–100 之间'),
    done: text('本期完成情况'),
    nextSteps: text('下步计划'),
    fundsSpent: z.number().min(0, '资金不能为负').optional(),
    evidence,
  }),
  request_extension: z.strictObject({ requestedDeadline: calendarDate, reason: text('延期理由', 1000) }),
  decide_extension: z.strictObject({
    decision: z.enum(['approve', 'deny'], { message: '请选择同意或不同意延期' }),
    /** Staff may grant a date other than the one requested; defaults to the requested date. */
    deadline: calendarDate.optional(),
    comments: optionalText('审批意见', 1000),
  }),
  urge: z.strictObject({ note: text('催办事项', 1000) }),
  supervise: z.strictObject({ note: text('督办事项', 1000) }),
  list_supervision: z.strictObject({ note: text('挂牌督办事项', 1000) }),
  instruct: z.strictObject({ text: text('批示内容', 2000) }),
  request_closure: z.strictObject({
    summary: text('整改情况说明'),
    proposedOutcome: z.enum(CLOSURE_OUTCOMES, { message: '请选择整改结果' }),
    evidence,
  }),
  accept_closure: z.strictObject({ comments: optionalText('审核意见', 1000) }),
  return_closure: z.strictObject({ comments: text('退回意见', 2000) }),
  verify_pass: z.strictObject({
    outcome: z.enum(CLOSURE_OUTCOMES, { message: '请选择核查结论' }),
    notes: text('核查情况'),
    evidence,
    /** Required for `long_term`: the long-term plan's milestones. */
    milestones: z.array(milestone).max(30).default([]),
  }),
  verify_fail: z.strictObject({ notes: text('核查发现的问题'), evidence }),
  rate: z.strictObject({
    value: z.enum(RATING_VALUES, { message: '请选择满意、基本满意或不满意' }),
    comment: optionalText('评价意见', 500),
  }),
  lookback: z.strictObject({
    result: z.enum(LOOKBACK_RESULTS, { message: '请选择巩固或反弹' }),
    notes: text('回头看情况'),
    evidence,
    /** Required when `rebounded`: the new deadline for the reopened rectification. */
    deadline: calendarDate.optional(),
  }),
} as const;

export type ProblemCommandType = keyof typeof PROBLEM_COMMAND_PAYLOADS;
export const PROBLEM_COMMANDS = Object.keys(PROBLEM_COMMAND_PAYLOADS) as ProblemCommandType[];

/** A command's input after parsing (defaults applied). */
export type ProblemCommandInput<K extends ProblemCommandType> = z.output<(typeof PROBLEM_COMMAND_PAYLOADS)[K]>;

export type ProblemCommand = {
  [K in ProblemCommandType]: { type: K; input: ProblemCommandInput<K> };
}[ProblemCommandType];

const commandVariants = PROBLEM_COMMANDS.map((type) =>
  z.strictObject({ type: z.literal(type), input: PROBLEM_COMMAND_PAYLOADS[type] }),
);

/** The whole command as one schema, e.g. for a batch endpoint or a queue message. */
export const problemCommand = z.discriminatedUnion(
  'type',
  commandVariants as unknown as [(typeof commandVariants)[number], ...(typeof commandVariants)[number][]],
) as unknown as z.ZodType<ProblemCommand>;

/** Parse one command's payload; the server calls this with the route's `:action` and the request body. */
export function parseProblemCommand(type: ProblemCommandType, body: unknown) {
  const result = PROBLEM_COMMAND_PAYLOADS[type].safeParse(body);
  return result.success
    ? ({ success: true, command: { type, input: result.data } as ProblemCommand } as const)
    : ({ success: false, error: result.error } as const);
}
