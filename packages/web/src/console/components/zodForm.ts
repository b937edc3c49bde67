import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { ApiError } from '../../api.ts';

type FieldError = { name: (string | number)[]; errors: string[] };

let requiredMessage = '请填写此项';
/** The words for "this field is empty" in the UI language (set by the console's I18nProvider). */
export function setRequiredMessage(message: string): void {
  requiredMessage = message;
}

function valueAt(values: unknown, path: PropertyKey[]): unknown {
  let v = values;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function toFields(issues: { path: PropertyKey[]; message: string }[]): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  return [...byField.values()];
}

/**
 * Validates form values with the very zod schema the server uses (from @rectify/domain). On failure the messages
 * go onto the form's fields and `null` comes back; issues without a field (object-level refinements) are returned
 * in `formErrors` for the caller to show.
 */
export function validateWith<S extends z.ZodType>(
  schema: S,
  values: unknown,
  form: FormInstance,
): { data: z.infer<S>; formErrors: [] } | { data: null; formErrors: string[] } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data, formErrors: [] };
  // An empty field gets "required" rather than zod's technical wording (too small, invalid option, not a UUID).
  const issues = parsed.error.issues.map((i) =>
    i.path.length > 0 && isEmpty(valueAt(values, i.path)) ? { ...i, message: requiredMessage } : i,
  );
  const fields = toFields(issues);
  form.setFields(fields.filter((f) => f.name.length > 0));
  return { data: null, formErrors: fields.filter((f) => f.name.length === 0).flatMap((f) => f.errors) };
}

/**
 * Puts a server `validation_failed` answer (`details: [{path:'body/name', message}]`) onto the form fields.
 * Returns true when at least one field took a message.
 */
export function applyServerErrors(err: unknown, form: FormInstance): boolean {
  if (!(err instanceof ApiError) || err.code !== 'validation_failed' || !Array.isArray(err.details)) return false;
  const issues = (err.details as { path?: string; message?: string }[]).flatMap((d) => {
    const path = (d.path ?? '')
      .replace(/^body\/?/, '')
      .split('/')
      .filter(Boolean);
    return path.length > 0
      ? [{ path: path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: d.message ?? '' }]
      : [];
  });
  if (issues.length === 0) return false;
  form.setFields(toFields(issues));
  return true;
}
