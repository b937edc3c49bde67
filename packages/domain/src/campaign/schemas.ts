import { z } from 'zod';
import { uuid } from '../schemas/common.ts';
import { CAMPAIGN_PHASES } from './phases.ts';
import type { IndicatorNode } from './scheme.ts';
import { SCORE_SOURCES } from './scoring.ts';

/**
 * Shape only: the weight sums, key uniqueness and leaf rules are checked by `validateScheme`, which reports all
 * issues at once with paths (zod would stop at the shape and the editor needs the whole list live).
 */
export const scoringRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scale') }),
  z.strictObject({ kind: z.literal('formula'), expression: z.string().max(500, '公式不能超过 500 字') }),
]);

export const indicatorNode: z.ZodType<IndicatorNode> = z.strictObject({
  key: z.string().trim().max(20, '指标编码不能超过 20 字'),
  name: z.string().trim().max(100, '指标名称不能超过 100 字'),
  weight: z.number({ message: '权重应为数字' }),
  rule: scoringRule.optional(),
  get children() {
    return z.array(indicatorNode).max(50, '同级指标最多 50 个').optional();
  },
});

export const indicatorSchemeBody = z.strictObject({
  name: z.string().trim().min(1, '请填写指标体系名称').max(100),
  indicators: z.array(indicatorNode).max(50, '同级指标最多 50 个'),
});
export type IndicatorSchemeBody = z.infer<typeof indicatorSchemeBody>;

export const scoreInput = z.strictObject({
  unitId: uuid,
  indicatorKey: z.string().trim().min(1, '请选择指标').max(20),
  value: z.number({ message: '分值应为数字' }).min(0, '分值应在 0–100 之间').max(100, '分值应在 0–100 之间'),
});

/** A rater submits all their scores of a campaign at once; the source follows from the rater's role. */
export const scoresBody = z.strictObject({
  source: z.enum(SCORE_SOURCES, { message: '评分来源应为委员、群众或第三方' }),
  scores: z.array(scoreInput).min(1, '请至少填写一项评分').max(5000),
});
export type ScoresBody = z.infer<typeof scoresBody>;

export const sourceWeightsBody = z
  .strictObject({
    member: z.number().min(0).max(100),
    public: z.number().min(0).max(100),
    evaluator: z.number().min(0).max(100),
  })
  .refine((w) => w.member + w.public + w.evaluator > 0, { message: '评分来源权重不能全为 0' });

export const advancePhaseBody = z.strictObject({ to: z.enum(CAMPAIGN_PHASES, { message: '未知的阶段' }) });
