import { z } from 'zod';

/** One labelled training row: the format of the shared train.jsonl. `seg_text` (pre-segmented
 * subject + body, stopwords removed) is optional; when `body` is null it is the only copy of the
 * body the source kept, so `bodyOf` falls back to it. */
export const LabelledMessageSchema = z.object({
  subject: z.string(),
  body: z.string().nullable().optional(),
  seg_text: z.string().optional(),
  label: z.string().min(1),
});
export type LabelledMessage = z.infer<typeof LabelledMessageSchema>;

export function parseLabelled(rows: readonly unknown[], source = 'data'): LabelledMessage[] {
  return rows.map((r, i) => {
    const p = LabelledMessageSchema.safeParse(r);
    if (!p.success) throw new Error(`${source} row ${i + 1}: ${p.error.issues[0]?.message ?? 'invalid'}`);
    return p.data;
  });
}

/** The body text to analyse: `body`, else the de-spaced `seg_text` when `useSegText`, else ''. */
export function bodyOf(m: LabelledMessage, useSegText = true): string {
  if (m.body) return m.body;
  if (useSegText && m.seg_text) return m.seg_text.replace(/\s+/g, '');
  return '';
}
