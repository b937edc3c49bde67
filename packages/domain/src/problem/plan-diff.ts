/** A readable difference between two versions of a rectification plan (整改方案), field by field. */
export interface PlanVersion {
  goal: string;
  rootCause: string;
  measures: { text: string; owner: string; due: string }[];
  deadline: string;
  funds?: number | undefined;
}

export type PlanChange =
  | { field: 'goal' | 'rootCause' | 'deadline' | 'funds'; before: unknown; after: unknown }
  | { field: 'measure'; change: 'added' | 'removed'; measure: PlanVersion['measures'][number] }
  | {
      field: 'measure';
      change: 'changed';
      before: PlanVersion['measures'][number];
      after: PlanVersion['measures'][number];
    };

const FIELD_LABELS: Record<string, string> = {
  goal: '整改目标',
  rootCause: '原因分析',
  deadline: '完成时限',
  funds: '资金',
};

/**
 * Measures are matched by their text first (unchanged wording = the same measure, maybe re-owned or re-dated), then
 * the rest pairwise in order; what is left over was added or removed.
 */
export function diffPlans(before: PlanVersion, after: PlanVersion): PlanChange[] {
  const changes: PlanChange[] = [];
  for (const field of ['goal', 'rootCause', 'deadline', 'funds'] as const) {
    if ((before[field] ?? null) !== (after[field] ?? null))
      changes.push({ field, before: before[field] ?? null, after: after[field] ?? null });
  }
  const old = [...before.measures];
  const next = [...after.measures];
  const unmatchedNew: typeof next = [];
  for (const m of next) {
    const i = old.findIndex((o) => o.text === m.text);
    if (i < 0) {
      unmatchedNew.push(m);
      continue;
    }
    const [o] = old.splice(i, 1);
    if (o!.owner !== m.owner || o!.due !== m.due)
      changes.push({ field: 'measure', change: 'changed', before: o!, after: m });
  }
  const pairs = Math.min(old.length, unmatchedNew.length);
  for (let i = 0; i < pairs; i++)
    changes.push({ field: 'measure', change: 'changed', before: old[i]!, after: unmatchedNew[i]! });
  for (const m of unmatchedNew.slice(pairs)) changes.push({ field: 'measure', change: 'added', measure: m });
  for (const m of old.slice(pairs)) changes.push({ field: 'measure', change: 'removed', measure: m });
  return changes;
}

/** One line per change, in Chinese, for the timeline and printed reports. */
export function describeChange(c: PlanChange): string {
  if (c.field !== 'measure')
    return `${FIELD_LABELS[c.field]}：“${String(c.before ?? '（无）')}” → “${String(c.after ?? '（无）')}”`;
  if (c.change !== 'changed') {
    return c.change === 'added'
      ? `新增措施：${c.measure.text}（${c.measure.owner}，${c.measure.due}）`
      : `删除措施：${c.measure.text}`;
  }
  return `修改措施：${c.before.text}（${c.before.owner}，${c.before.due}） → ${c.after.text}（${c.after.owner}，${c.after.due}）`;
}
