import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '@rectify/domain';

const FASTIFY_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** PostgreSQL error codes that mean "bad input", so they become 4xx instead of 500. */
const PG_CODES: Record<string, [number, string, string]> = {
  '23505': [409, 'conflict', '与已有记录重复'],
  '23503': [409, 'conflict', '引用的记录不存在或仍被引用'],
  '22P02': [400, 'bad_request', '输入格式不正确'],
  '22001': [400, 'bad_request', '输入内容过长'],
  '23514': [400, 'bad_request', '输入不满足约束条件'],
};

/** One error shape for the whole API: `{error:{code,message,details}}`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { cause?: unknown }, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, details: err.details } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: `${err.validationContext ?? ''}${v.instancePath}`,
        message: v.message,
      }));
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: `请求内容不符合要求：${issues[0]?.message ?? ''}`,
          details: issues,
        },
      });
    }
    const pgCode = (err as { code?: string }).code;
    if (pgCode && PG_CODES[pgCode]) {
      const [status, code, message] = PG_CODES[pgCode];
      request.log.info({ err }, 'database refused input');
      return reply
        .status(status)
        .send({ error: { code, message, details: { constraint: (err as { constraint?: string }).constraint } } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        status === 413
          ? `请求体过大（上限 ${request.server.initialConfig.bodyLimit} 字节）`
          : err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
            ? '请求体不是有效的 JSON'
            : err.message;
      return reply.status(status).send({ error: { code: FASTIFY_CODES[status] ?? 'bad_request', message } });
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: '服务器内部错误，请稍后重试或联系管理员' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `没有这个接口：${request.method} ${request.url}` } }),
  );
}
