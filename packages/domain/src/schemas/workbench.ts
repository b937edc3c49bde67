import { z } from 'zod';
import { DUTIES } from '../problem/duties.ts';
import { uuid } from './common.ts';
import { problemView } from './problems.ts';

const dutyCommands = DUTIES.map((d) => d.command) as [
  (typeof DUTIES)[number]['command'],
  ...(typeof DUTIES)[number]['command'][],
];

/** One to-do item (待办): a problem waiting for a step from the caller, with what the step is and when it is due. */
export const todoItemView = problemView
  .pick({
    title: true,
    state: true,
    regionCode: true,
    leadUnitId: true,
    deadline: true,
    warning: true,
    overdueDays: true,
    escalation: true,
  })
  .extend({
    problemId: uuid,
    duty: z.enum(dutyCommands),
    dutyLabel: z.string(),
    dueOn: z.string().nullable().describe('YYYY-MM-DD the step is due by, when the rules give one'),
  });
export type TodoItemView = z.infer<typeof todoItemView>;

export const todoView = z.object({
  items: z.array(todoItemView),
  /** Problems examined; when `truncated`, the caller's scope held more candidates than one answer reads. */
  examined: z.number().int(),
  truncated: z.boolean(),
});
export type TodoView = z.infer<typeof todoView>;

/** A reminder in the caller's inbox (plan or progress due, overdue, look-back due …), filed by the reminder job. */
export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  dueOn: z.string().nullable(),
  message: z.string(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationsQuery = z.object({
  open: z.enum(['true', 'false']).default('true'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
