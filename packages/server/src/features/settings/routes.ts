import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  effectiveSettingsView,
  errorResponses,
  regionCode,
  regionSettingsUpdate,
  TEMPLATE_DEFINITIONS,
  TEMPLATE_KEYS,
  type TemplateKey,
} from '@rectify/domain';
import { authorize } from '../../plugins/auth.ts';
import { readSettingsView, updateRegionSettings } from './service.ts';
import { chineseValidatorCompiler } from './validation.ts';

const tags = ['settings'];
const errors = errorResponses;
const codeParams = z.object({ code: regionCode });

const templateDefinitionView = z.object({
  label: z.string(),
  audience: z.enum(['unit', 'staff', 'public']),
  variables: z.array(z.string()),
  defaultBody: z.string(),
});

export function settingsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.ctx.database.db;

  r.get('/api/settings/regions/:code', {
    schema: {
      tags,
      summary: '地区配置：本级设置、版本、生效值及每项的来源（本级、上级或默认）',
      params: codeParams,
      response: { 200: effectiveSettingsView, ...errors },
    },
    handler: async (request) => {
      const scope = await authorize(request, 'settings.read');
      return readSettingsView(db, scope, request.params.code);
    },
  });

  r.put('/api/settings/regions/:code', {
    schema: {
      tags,
      summary: '保存地区配置（整体替换本级设置，未给出的项继承上级；需携带读取时的 version）',
      params: codeParams,
      body: regionSettingsUpdate,
      response: { 200: effectiveSettingsView, ...errors },
    },
    // Route-level compiler: the route's schema type is not the compiler's generic one.
    validatorCompiler: chineseValidatorCompiler as never,
    handler: async (request) => {
      const scope = await authorize(request, 'settings.manage');
      const actor = request.actor!;
      return updateRegionSettings(
        db,
        scope,
        { userId: actor.userId, username: actor.username, viaToken: request.auth?.kind === 'token', ip: request.ip },
        request.params.code,
        request.body,
      );
    },
  });

  r.get('/api/settings/templates', {
    schema: {
      tags,
      summary: '可配置的消息模板：名称、接收方、可用变量、默认内容',
      response: { 200: z.record(z.enum(TEMPLATE_KEYS), templateDefinitionView), ...errors },
    },
    handler: async (request) => {
      await authorize(request, 'settings.read');
      return Object.fromEntries(
        TEMPLATE_KEYS.map((k) => [
          k,
          { ...TEMPLATE_DEFINITIONS[k], variables: [...TEMPLATE_DEFINITIONS[k].variables] },
        ]),
      ) as Record<TemplateKey, z.infer<typeof templateDefinitionView>>;
    },
  });
}
