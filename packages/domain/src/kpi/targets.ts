import type { TargetDirection } from './types.ts';

export const KPI_NAMES = [
  'completion',
  'threeMonth',
  'onTime',
  'resolution',
  'adoption',
  'mechanism',
  'rebound',
  'satisfaction',
  'participation',
  'coverage',
  'responseTime',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

export interface KpiDefinition {
  label: string;
  unit: 'ratio' | 'hours';
  direction: TargetDirection;
  /** DESIGN §5's default; regions may set their own. */
  defaultTarget: number | null;
}

export const KPI_DEFINITIONS: Record<KpiName, KpiDefinition> = {
  completion: { label: '整改完成率', unit: 'ratio', direction: 'at_least', defaultTarget: 0.9 },
  threeMonth: { label: '三个月完成率', unit: 'ratio', direction: 'at_least', defaultTarget: 0.8 },
  onTime: { label: '按期完成率', unit: 'ratio', direction: 'at_least', defaultTarget: null },
  resolution: { label: '问题解决率', unit: 'ratio', direction: 'at_least', defaultTarget: 0.9 },
  adoption: { label: '建议采纳率', unit: 'ratio', direction: 'at_least', defaultTarget: 0.85 },
  mechanism: { label: '长效化率', unit: 'ratio', direction: 'at_least', defaultTarget: 0.7 },
  rebound: { label: '反弹率', unit: 'ratio', direction: 'at_most', defaultTarget: 0.05 },
  satisfaction: { label: '群众满意率', unit: 'ratio', direction: 'at_least', defaultTarget: 0.9 },
  participation: { label: '公众参与率', unit: 'ratio', direction: 'at_least', defaultTarget: 0.05 },
  coverage: { label: '民意覆盖率', unit: 'ratio', direction: 'at_least', defaultTarget: 0.9 },
  responseTime: { label: '响应时长', unit: 'hours', direction: 'at_most', defaultTarget: 24 },
};
