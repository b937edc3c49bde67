import { z } from 'zod';
import { isoDateTime, pageOf, pageQuery, regionCode, uuid } from './common.ts';

/** Bulletins (通报/公告): notices, progress reports and results staff publish to the portal and the region's feed. */
export const BULLETIN_KIND_VALUES = ['notice', 'progress', 'result'] as const;
export const BULLETIN_STATE_VALUES = ['draft', 'published', 'withdrawn'] as const;
export const BULLETIN_KIND_LABELS: Record<(typeof BULLETIN_KIND_VALUES)[number], string> = {
  notice: '公告',
  progress: '进展通报',
  result: '结果通报',
};
export const BULLETIN_STATE_LABELS: Record<(typeof BULLETIN_STATE_VALUES)[number], string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};

export const bulletinKind = z.enum(BULLETIN_KIND_VALUES, { message: '类型应为 notice、progress 或 result' });
export const bulletinState = z.enum(BULLETIN_STATE_VALUES);
const title = z.string().trim().min(4, '标题至少 4 个字').max(120, '标题不能超过 120 个字');
const body = z.string().trim().min(10, '正文至少 10 个字').max(20_000, '正文不能超过 20000 个字');
const version = z.number().int().min(1);

export const createBulletinBody = z.strictObject({
  kind: bulletinKind,
  title,
  body,
  /** The region it is published for; defaults to the author's region. */
  regionCode: regionCode.optional(),
  campaignId: uuid.nullable().optional(),
});
export type CreateBulletinBody = z.infer<typeof createBulletinBody>;

export const updateBulletinBody = z
  .strictObject({
    version,
    kind: bulletinKind.optional(),
    title: title.optional(),
    body: body.optional(),
    campaignId: uuid.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 1, { message: '没有要修改的内容' });
export type UpdateBulletinBody = z.infer<typeof updateBulletinBody>;

/** Publish and withdraw name the version the caller saw (optimistic concurrency). */
export const bulletinVersionBody = z.strictObject({ version });

export const bulletinView = z.object({
  id: z.string(),
  regionCode: z.string(),
  kind: bulletinKind,
  kindLabel: z.string(),
  title: z.string(),
  body: z.string(),
  campaignId: z.string().nullable(),
  state: bulletinState,
  stateLabel: z.string(),
  publishedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int(),
});
export type BulletinView = z.infer<typeof bulletinView>;
export const bulletinPage = pageOf(bulletinView);

export const bulletinListQuery = pageQuery.extend({
  state: bulletinState.optional(),
  kind: bulletinKind.optional(),
  region: regionCode.optional(),
  q: z.string().trim().max(100).optional(),
});

/** What the public sees: published bulletins only, personal data masked. */
export const publicBulletinView = bulletinView
  .pick({ id: true, regionCode: true, kind: true, kindLabel: true, title: true, body: true, campaignId: true })
  .extend({ publishedAt: isoDateTime, updatedAt: isoDateTime });
export type PublicBulletinView = z.infer<typeof publicBulletinView>;
export const publicBulletinPage = pageOf(publicBulletinView);

export const publicBulletinsQuery = pageQuery.extend({
  region: regionCode.optional(),
  kind: bulletinKind.optional(),
  q: z.string().trim().max(100).optional(),
});
