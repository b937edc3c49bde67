import { get } from '../../../api.ts';
import type { ProblemDetail } from '../lists/service.ts';

/** One problem with the commands the signed-in user may fire on it now (`allowedActions`). */
export const getProblem = (id: string) => get<ProblemDetail>(`/api/problems/${id}`);
