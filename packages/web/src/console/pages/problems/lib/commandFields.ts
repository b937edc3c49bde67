import type { ProblemCommandType } from '@rectify/domain/problem/commands';
import type { MessageKey } from '../../../../locales/zh-CN/index.ts';
import type { T } from '../../../i18n.tsx';
import type { ProblemDetail } from '../service.ts';

/**
 * The form of each lifecycle command, as data: one generic dialog renders these field sets, and the command's zod
 * schema (PROBLEM_COMMAND_PAYLOADS) checks the values, so the names here are the payload's keys.
 */
export type FieldSpec =
  | {
      name: string;
      kind: 'text' | 'textarea' | 'date' | 'money' | 'percent' | 'unit' | 'units';
      label: MessageKey;
      required?: boolean;
    }
  | { name: 'evidence'; kind: 'evidence'; label: MessageKey; required?: boolean; camera?: boolean }
  | {
      name: string;
      kind: 'choice';
      label: MessageKey;
      required?: boolean;
      options: { value: string; label: MessageKey }[];
    }
  | { name: 'measures'; kind: 'measures'; label: MessageKey; required: true }
  | { name: 'checklist'; kind: 'checklist'; label: MessageKey; required: true }
  | { name: 'milestones'; kind: 'milestones'; label: MessageKey; required?: false };

const note = (label: MessageKey = 'problem.form.note'): FieldSpec => ({
  name: 'note',
  kind: 'textarea',
  label,
  required: true,
});
const comments = (required: boolean): FieldSpec => ({
  name: 'comments',
  kind: 'textarea',
  label: 'problem.form.comments',
  required,
});
const evidence = (required: boolean, camera = false): FieldSpec => ({
  name: 'evidence',
  kind: 'evidence',
  label: 'problem.form.evidence',
  required,
  camera,
});
const OUTCOMES = [
  { value: 'resolved', label: 'problem.outcome.resolved' },
  { value: 'partly_resolved', label: 'problem.outcome.partly_resolved' },
  { value: 'long_term', label: 'problem.outcome.long_term' },
] as const;

export const COMMAND_FIELDS: Record<ProblemCommandType, FieldSpec[]> = {
  confirm: [{ name: 'note', kind: 'textarea', label: 'problem.form.note' }],
  reject: [{ name: 'reason', kind: 'textarea', label: 'problem.form.reason', required: true }],
  assign: [
    { name: 'leadUnitId', kind: 'unit', label: 'problem.form.leadUnitId', required: true },
    { name: 'coUnitIds', kind: 'units', label: 'problem.form.coUnitIds' },
    { name: 'responsibleLeader', kind: 'text', label: 'problem.form.responsibleLeader', required: true },
    { name: 'responsiblePerson', kind: 'text', label: 'problem.form.responsiblePerson', required: true },
    { name: 'deadline', kind: 'date', label: 'problem.form.deadline', required: true },
  ],
  dispute: [
    { name: 'reason', kind: 'textarea', label: 'problem.form.reason', required: true },
    { name: 'suggestedUnitId', kind: 'unit', label: 'problem.form.suggestedUnitId' },
    evidence(false),
  ],
  decide_dispute: [
    {
      name: 'decision',
      kind: 'choice',
      label: 'problem.form.decision',
      required: true,
      options: [
        { value: 'uphold', label: 'problem.form.uphold' },
        { value: 'dismiss', label: 'problem.form.dismiss' },
      ],
    },
    { name: 'reason', kind: 'textarea', label: 'problem.form.comments', required: true },
  ],
  submit_plan: [
    { name: 'goal', kind: 'textarea', label: 'problem.form.goal', required: true },
    { name: 'rootCause', kind: 'textarea', label: 'problem.form.rootCause', required: true },
    { name: 'measures', kind: 'measures', label: 'problem.form.measures', required: true },
    { name: 'deadline', kind: 'date', label: 'problem.form.planDeadline', required: true },
    { name: 'funds', kind: 'money', label: 'problem.form.funds' },
    evidence(false),
  ],
  approve_plan: [
    { name: 'checklist', kind: 'checklist', label: 'problem.form.checklist', required: true },
    comments(false),
  ],
  return_plan: [comments(true)],
  report_progress: [
    { name: 'period', kind: 'text', label: 'problem.form.period', required: true },
    { name: 'percent', kind: 'percent', label: 'problem.form.percent', required: true },
    { name: 'done', kind: 'textarea', label: 'problem.form.done', required: true },
    { name: 'nextSteps', kind: 'textarea', label: 'problem.form.nextSteps', required: true },
    { name: 'fundsSpent', kind: 'money', label: 'problem.form.fundsSpent' },
    evidence(false, true),
  ],
  request_extension: [
    { name: 'requestedDeadline', kind: 'date', label: 'problem.form.requestedDeadline', required: true },
    { name: 'reason', kind: 'textarea', label: 'problem.form.reason', required: true },
  ],
  decide_extension: [
    {
      name: 'decision',
      kind: 'choice',
      label: 'problem.form.decision',
      required: true,
      options: [
        { value: 'approve', label: 'problem.form.approve' },
        { value: 'deny', label: 'problem.form.deny' },
      ],
    },
    { name: 'deadline', kind: 'date', label: 'problem.form.grantedDeadline' },
    comments(false),
  ],
  urge: [note()],
  supervise: [note()],
  list_supervision: [note()],
  instruct: [{ name: 'text', kind: 'textarea', label: 'problem.form.instruction', required: true }],
  request_closure: [
    { name: 'summary', kind: 'textarea', label: 'problem.form.summary', required: true },
    {
      name: 'proposedOutcome',
      kind: 'choice',
      label: 'problem.form.proposedOutcome',
      required: true,
      options: [...OUTCOMES],
    },
    evidence(true),
  ],
  accept_closure: [comments(false)],
  return_closure: [comments(true)],
  verify_pass: [
    { name: 'outcome', kind: 'choice', label: 'problem.form.outcome', required: true, options: [...OUTCOMES] },
    { name: 'notes', kind: 'textarea', label: 'problem.form.notes', required: true },
    evidence(true, true),
    { name: 'milestones', kind: 'milestones', label: 'problem.form.milestones' },
  ],
  verify_fail: [{ name: 'notes', kind: 'textarea', label: 'problem.form.notes', required: true }, evidence(true, true)],
  rate: [
    {
      name: 'value',
      kind: 'choice',
      label: 'problem.form.value',
      required: true,
      options: [
        { value: 'satisfied', label: 'problem.rating.satisfied' },
        { value: 'basically_satisfied', label: 'problem.rating.basically_satisfied' },
        { value: 'dissatisfied', label: 'problem.rating.dissatisfied' },
      ],
    },
    { name: 'comment', kind: 'textarea', label: 'problem.form.comment' },
  ],
  lookback: [
    {
      name: 'result',
      kind: 'choice',
      label: 'problem.form.result',
      required: true,
      options: [
        { value: 'sustained', label: 'problem.lookback.sustained' },
        { value: 'rebounded', label: 'problem.lookback.rebounded' },
      ],
    },
    { name: 'notes', kind: 'textarea', label: 'problem.form.notes', required: true },
    evidence(true, true),
    { name: 'deadline', kind: 'date', label: 'problem.form.newDeadline' },
  ],
};

/** The default compliance checklist (政策合规性审查) offered to the reviewer; items can be edited and added. */
const CHECKLIST: MessageKey[] = [
  'problem.form.checklist.law',
  'problem.form.checklist.feasible',
  'problem.form.checklist.deadline',
  'problem.form.checklist.funds',
];

/** Values a form starts with: what the problem already says, so nobody retypes it. */
export function initialValues(command: ProblemCommandType, problem: ProblemDetail, t: T): Record<string, unknown> {
  const deadline = problem.flags.deadline ?? undefined;
  switch (command) {
    case 'submit_plan':
      return { measures: [{ text: '', owner: '', due: undefined }], deadline, evidence: [] };
    case 'approve_plan':
      return { checklist: CHECKLIST.map((key) => ({ item: t(key), ok: true })) };
    case 'report_progress':
      return { percent: problem.snapshot.lastProgressPercent ?? 0, evidence: [] };
    case 'decide_extension':
      return { deadline: problem.snapshot.pendingExtension?.requestedDeadline };
    case 'assign':
      return { coUnitIds: [] };
    case 'verify_pass':
      return { evidence: [], milestones: [] };
    default:
      return COMMAND_FIELDS[command].some((f) => f.kind === 'evidence') ? { evidence: [] } : {};
  }
}

/**
 * The field a guard refusal (422, domain/problem/transitions.ts) is about, so its message shows on that field;
 * refusals not about one field are shown above the form.
 */
export function fieldOfRefusal(command: ProblemCommandType, code: string): string | null {
  switch (code) {
    case 'deadline_not_future':
    case 'plan_after_deadline':
    case 'deadline_required':
      return 'deadline';
    case 'extension_not_later':
      return command === 'request_extension' ? 'requestedDeadline' : 'deadline';
    case 'measure_after_plan':
      return 'measures';
    case 'evidence_required':
      return 'evidence';
    case 'progress_backwards':
      return 'percent';
    case 'milestones_required':
      return 'milestones';
    case 'lead_is_co_unit':
    case 'duplicate_co_unit':
      return 'coUnitIds';
    case 'compliance_failed':
      return 'checklist';
    default:
      return null;
  }
}

/** Form values → payload: empty optional values are left out, as the API expects them absent. */
export function payloadOf(values: Record<string, unknown>): Record<string, unknown> {
  const clean = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== null && x !== undefined && x !== '')
          .map(([k, x]) => [k, clean(x)]),
      );
    }
    return v;
  };
  return clean(values) as Record<string, unknown>;
}
