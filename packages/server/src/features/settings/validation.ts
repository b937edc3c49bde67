import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

const zh = z.locales.zhCN();

/**
 * The usual zod validator, with zod's own messages in Chinese (messages the schemas set themselves win), so the admin
 * pages can show each issue of a settings form beside its field as the server words it.
 */
export const chineseValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = validatorCompiler(route);
  return (data) => {
    const result = validate(data) as { value?: unknown; error?: { message: string }[] };
    if (!Array.isArray(result.error)) return result as never;
    const issues = (route.schema as z.ZodType).safeParse(data, { error: zh.localeError }).error?.issues ?? [];
    return { error: result.error.map((e, i) => ({ ...e, message: issues[i]?.message ?? e.message })) } as never;
  };
};
