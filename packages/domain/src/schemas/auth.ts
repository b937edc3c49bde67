import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { regionCode, uuid } from './common.ts';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/, '动态口令为 6 位数字')
    .optional(),
});
export type LoginBody = z.infer<typeof loginBody>;

export const grantView = z.object({
  role: z.enum(ROLES),
  regionCode: regionCode.nullable(),
  unitId: uuid.nullable(),
});

export const meView = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  unitId: uuid,
  regionCode,
  grants: z.array(grantView),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** 三员分立 in force on this server: the console computes its menus with the same policy the server enforces. */
  separationOfDuties: z.boolean(),
});
export type MeView = z.infer<typeof meView>;

export const loginResponse = z.object({ user: meView, csrfToken: z.string(), expiresAt: z.string() });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const totpEnrollResponse = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpConfirmBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, '动态口令为 6 位数字') });

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).default(365),
});
export const tokenView = z.object({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const tokenCreatedResponse = tokenView.extend({ token: z.string().describe('shown once; store it safely') });
