import { z } from 'zod';
import { calendarDate } from '../problem/commands.ts';
import { CAMPAIGN_PHASES } from '../campaign/phases.ts';
import { sourceWeightsBody } from '../campaign/schemas.ts';
import { pageQuery, regionCode, uuid } from './common.ts';

const targetUnitIds = z.array(uuid).max(200);
const memberIds = z.array(uuid).max(500);
const lookbackMonths = z.array(z.number().int().min(1).max(36)).max(6);

/** The fields without defaults, so an update never resets a list the caller did not send. */
const campaignFields = z.strictObject({
  title: z.string().trim().min(4, '标题至少 4 个字').max(200),
  topic: z.string().trim().min(2).max(100),
  year: z.number().int().min(2000).max(2100),
  regionCode,
  schemeId: uuid.optional(),
  targetUnitIds,
  memberIds,
  startsOn: calendarDate.optional(),
  endsOn: calendarDate.optional(),
  sourceWeights: sourceWeightsBody.optional(),
  lookbackMonths,
});

export const createCampaignBody = campaignFields.extend({
  targetUnitIds: targetUnitIds.default([]),
  memberIds: memberIds.default([]),
  lookbackMonths: lookbackMonths.default([3, 6]),
});

export const updateCampaignBody = campaignFields
  .omit({ regionCode: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();

export const campaignView = z.object({
  id: uuid,
  title: z.string(),
  topic: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  phase: z.enum(CAMPAIGN_PHASES),
  schemeId: z.string().nullable(),
  targetUnitIds: z.array(z.string()),
  memberIds: z.array(z.string()),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  sourceWeights: z.record(z.string(), z.number()).nullable(),
  lookbackMonths: z.array(z.number().int()),
  version: z.number().int(),
});

export const researchBody = z.strictObject({
  kind: z.enum(['visit', 'survey', 'meeting'], { message: '调研方式应为走访、调查或座谈' }),
  title: z.string().trim().min(2).max(200),
  notes: z.string().trim().min(1, '请填写调研情况').max(20_000),
  regionCode,
  happenedOn: calendarDate,
  evidence: z
    .array(z.string().regex(/^[0-9a-f]{64}$/))
    .max(50)
    .default([]),
});

export const campaignListQuery = pageQuery;
