/**
 * An error the API reports to the caller as `{error:{code,message,details}}` with its HTTP status.
 * Services throw these; anything else becomes a logged 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const unauthorized = (message = '请先登录', code = 'unauthorized') => new AppError(401, code, message);
export const forbidden = (message = '无权执行此操作', details?: unknown) =>
  new AppError(403, 'forbidden', message, details);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what}不存在或不在您的权限范围内`);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const locked = (message: string, details?: unknown) => new AppError(423, 'locked', message, details);
export const tooManyRequests = (message: string, details?: unknown) =>
  new AppError(429, 'rate_limited', message, details);
