import type { z } from 'zod';
import type {
  changePasswordBody,
  createTokenBody,
  tokenCreatedResponse,
  tokenView,
  totpEnrollResponse,
} from '@rectify/domain/schemas/auth';
import { api } from '../../api.ts';

export type Token = z.infer<typeof tokenView>;
export type CreatedToken = z.infer<typeof tokenCreatedResponse>;
export type TotpEnrollment = z.infer<typeof totpEnrollResponse>;

export const changePassword = (body: z.infer<typeof changePasswordBody>) =>
  api<{ ok: true }>('POST', '/api/auth/password', body);
export const enrollTotp = () => api<TotpEnrollment>('POST', '/api/auth/totp/enroll');
export const confirmTotp = (code: string) => api<{ ok: true }>('POST', '/api/auth/totp/confirm', { code });
export const disableTotp = (code: string) => api<{ ok: true }>('POST', '/api/auth/totp/disable', { code });
export const listTokens = () => api<{ items: Token[] }>('GET', '/api/auth/tokens').then((r) => r.items);
export const createToken = (body: z.input<typeof createTokenBody>) =>
  api<CreatedToken>('POST', '/api/auth/tokens', body);
export const revokeToken = (id: string) => api<{ ok: true }>('DELETE', `/api/auth/tokens/${id}`);
