import type { z } from 'zod';
import type { loginBody, loginResponse } from '@rectify/domain/schemas/auth';
import { api } from '../../../api.ts';

export type LoginBody = z.infer<typeof loginBody>;
export type LoginResponse = z.infer<typeof loginResponse>;

/** Sets the session cookie; the client keeps the CSRF token from the answer. */
export const login = (body: LoginBody) => api<LoginResponse>('POST', '/api/auth/login', body);
