import { z } from 'zod';
import { REGION_LEVELS } from '../regions.ts';
import { ROLES } from '../roles.ts';
import { pageQuery, regionCode, uuid, exportFormat } from './common.ts';

export const UNIT_KINDS = ['cppcc', 'party_committee', 'government', 'department', 'town', 'third_party'] as const;

export const regionView = z.object({
  code: regionCode,
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
});
export const regionListQuery = z.object({ parent: regionCode.optional(), q: z.string().max(50).optional() });

export const unitView = z.object({
  id: uuid,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  regionCode,
  parentId: uuid.nullable(),
  version: z.number().int(),
});
export type UnitView = z.infer<typeof unitView>;

export const createUnitBody = z.strictObject({
  name: z.string().trim().min(2).max(100),
  kind: z.enum(UNIT_KINDS),
  regionCode,
  parentId: uuid.nullable().default(null),
});
export const updateUnitBody = z.strictObject({
  version: z.number().int().min(1).describe('the version you read; a stale version gets 409'),
  name: z.string().trim().min(2).max(100).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
});
export const unitListQuery = pageQuery.extend({
  region: regionCode.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  q: z.string().max(50).optional(),
  format: exportFormat,
});

export const grantInput = z
  .strictObject({
    role: z.enum(ROLES),
    regionCode: regionCode.nullable().default(null),
    unitId: uuid.nullable().default(null),
  })
  .refine((g) => (g.regionCode === null) !== (g.unitId === null), {
    message: '授权范围须为一个行政区划或一个单位（二选一）',
  });

export const userView = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  unitId: uuid,
  regionCode,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  grants: z.array(z.object({ role: z.enum(ROLES), regionCode: z.string().nullable(), unitId: z.string().nullable() })),
  version: z.number().int(),
});
export const createUserBody = z.strictObject({
  username: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字、下划线、点或横线，以字母开头'),
  displayName: z.string().trim().min(1).max(50),
  unitId: uuid,
  password: z.string().min(1).max(256),
  grants: z.array(grantInput).min(1).max(20),
});
export const updateUserBody = z.strictObject({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(50).optional(),
  disabled: z.boolean().optional(),
  unlock: z.boolean().optional(),
  grants: z.array(grantInput).min(1).max(20).optional(),
  password: z.string().min(1).max(256).optional(),
});
export const userListQuery = pageQuery.extend({
  unit: uuid.optional(),
  q: z.string().max(50).optional(),
  format: exportFormat,
});

export const auditView = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'failure']),
  ip: z.string().nullable(),
  regionCode: z.string().nullable(),
  details: z.unknown(),
});
export const auditListQuery = pageQuery.extend({
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  format: exportFormat,
});

export const eventView = z.object({
  id: z.number().int(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  type: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  regionCode: z.string(),
  payload: z.unknown(),
  evidence: z.array(z.string()),
});
export const eventListQuery = pageQuery.extend({
  subjectType: z.string().max(64).optional(),
  subjectId: z.string().max(64).optional(),
  type: z.string().max(64).optional(),
  format: exportFormat,
});

/** An IANA time zone name the runtime knows (`Asia/Shanghai`), checked with Intl. */
export const ianaTimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, '时区应为 IANA 时区名称，如 Asia/Shanghai');

/** A region with what an administrator may change about it (region admin pages). */
export const regionDetailView = regionView.extend({
  population: z.number().int().nullable(),
  timeZone: z.string(),
});

/** `POST /api/regions`: a county under a city or a town under a county; the code extends the parent's (GB/T 2260). */
export const createRegionBody = z.strictObject({
  code: regionCode,
  name: z.string().trim().min(2, '名称至少 2 个字').max(50, '名称不超过 50 个字'),
  level: z.enum(['city', 'county', 'town'], { message: '只能新建市、县（区）或乡镇（街道）' }),
  parentCode: regionCode,
  population: z.number().int().min(0, '人口不能为负').nullable().optional(),
  timeZone: ianaTimeZone.optional(),
});

/** `PATCH /api/regions/:code`: name, population, time zone (regions carry no version: the last write wins, audited). */
export const updateRegionBody = z.strictObject({
  version: z.number().int().min(0).optional(),
  name: z.string().trim().min(2, '名称至少 2 个字').max(50, '名称不超过 50 个字').optional(),
  population: z.number().int().min(0, '人口不能为负').nullable().optional(),
  timeZone: ianaTimeZone.optional(),
});
