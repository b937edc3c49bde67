/**
 * Message templates a region may reword: reminders sent by the reminder job and the replies triage staff start from.
 * Each names the variables it may use as `{name}`; a template using any other name is refused when saved, so a typo
 * never reaches a recipient as a literal `{titel}`.
 */
export const TEMPLATE_KEYS = [
  'planOverdue',
  'progressDue',
  'overdue',
  'overdueStaff',
  'deadlineNear',
  'lookbackDue',
  'clueAcceptedReply',
  'clueForwardedReply',
  'clueRejectedReply',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface TemplateDefinition {
  label: string;
  /** Who receives the text: a unit or staff in the console, or the public reporter on the tracking page. */
  audience: 'unit' | 'staff' | 'public';
  variables: readonly string[];
  defaultBody: string;
}

export const TEMPLATE_DEFINITIONS: Record<TemplateKey, TemplateDefinition> = {
  planOverdue: {
    label: '整改方案逾期提醒',
    audience: 'unit',
    variables: ['title', 'planDueDate'],
    defaultBody: '“{title}”的整改方案已逾期未报送（应于 {planDueDate} 前报送）',
  },
  progressDue: {
    label: '进展报送提醒',
    audience: 'unit',
    variables: ['title', 'dueDate'],
    defaultBody: '“{title}”的整改进展应于 {dueDate} 报送，请尽快报送',
  },
  overdue: {
    label: '超期提醒（责任单位）',
    audience: 'unit',
    variables: ['title', 'deadline', 'overdueDays'],
    defaultBody: '“{title}”已超过整改时限（{deadline}）{overdueDays} 天',
  },
  overdueStaff: {
    label: '超期提醒（政协工作人员）',
    audience: 'staff',
    variables: ['title', 'deadline', 'overdueDays'],
    defaultBody: '“{title}”已超过整改时限（{deadline}）{overdueDays} 天，请研究催办',
  },
  deadlineNear: {
    label: '临期提醒',
    audience: 'unit',
    variables: ['title', 'deadline', 'daysLeft'],
    defaultBody: '“{title}”距整改时限（{deadline}）还有 {daysLeft} 天',
  },
  lookbackDue: {
    label: '回头看到期提醒',
    audience: 'staff',
    variables: ['title', 'months', 'dueDate', 'closedOn'],
    defaultBody: '“{title}”销号满 {months} 个月，请开展回头看',
  },
  clueAcceptedReply: {
    label: '线索受理答复',
    audience: 'public',
    variables: ['trackingCode', 'unitName'],
    defaultBody: '您反映的问题（{trackingCode}）已受理，已交{unitName}办理，办理进展可凭查询码查看。',
  },
  clueForwardedReply: {
    label: '线索转办答复',
    audience: 'public',
    variables: ['trackingCode', 'bodyName'],
    defaultBody: '您反映的问题（{trackingCode}）不属于本会职责范围，已转{bodyName}处理。',
  },
  clueRejectedReply: {
    label: '线索不予受理答复',
    audience: 'public',
    variables: ['trackingCode', 'reason'],
    defaultBody: '您反映的问题（{trackingCode}）经研究不予受理，理由：{reason}。感谢您的参与。',
  },
};

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The `{name}` placeholders of `body` that `key` does not define (empty when the template is usable). */
export function unknownTemplateVariables(key: TemplateKey, body: string): string[] {
  const known = new Set(TEMPLATE_DEFINITIONS[key].variables);
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].filter((v) => !known.has(v));
}

/** `body` with each `{name}` replaced by `values[name]`; a placeholder without a value is left as written. */
export function renderTemplate(body: string, values: Readonly<Record<string, string | number>>): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
