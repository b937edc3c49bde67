import { describe, expect, it } from 'vitest';
import { effectiveSettings, SETTINGS_DEFAULTS } from '../../src/settings/effective.ts';
import { regionSettings } from '../../src/settings/schemas.ts';
import { renderTemplate, TEMPLATE_DEFINITIONS, TEMPLATE_KEYS, unknownTemplateVariables } from '../../src/settings/templates.ts';

const UNIT_A = '11111111-1111-4111-8111-111111111111';
const UNIT_B = '22222222-2222-4222-8222-222222222222';

const issuesOf = (input: unknown) => {
  const r = regionSettings.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('region settings schema', () => {
  it('accepts an empty object (inherit everything) and a full, valid one', () => {
    expect(issuesOf({})).toEqual([]);
    expect(
      issuesOf({
        kpiTargets: { completion: 0.95, responseTime: 12, onTime: null },
        assessment: { weights: { completion: 40, onTime: 20, satisfaction: 20, mechanism: 10, rebound: 10 }, exportWeight: 0.1 },
        disputeWindowDays: 7,
        maxExtensions: 1,
        progressCadenceDays: 14,
        lookbackMonths: [3, 6, 12],
        clueRejectReasons: ['重复反映'],
        routing: [{ category: '城乡建设', leadUnitId: UNIT_A, cooperatingUnitIds: [UNIT_B] }],
        templates: { overdue: '“{title}”已超期 {overdueDays} 天' },
      }),
    ).toEqual([]);
  });

  it('refuses weights that do not sum to 100, ratio targets above 1, unknown keys and bad look-back plans', () => {
    expect(
      issuesOf({ assessment: { weights: { completion: 30, onTime: 20, satisfaction: 25, mechanism: 15, rebound: 5 }, exportWeight: 0.1 } }),
    ).toEqual(['assessment.weights: 各项权重之和应为 100']);
    expect(issuesOf({ kpiTargets: { completion: 90 } })).toEqual(['kpiTargets.completion: 比率目标应在 0 到 1 之间']);
    expect(issuesOf({ kpiTargets: { responseTime: 48 } })).toEqual([]);
    expect(issuesOf({ colour: 'red' })).toHaveLength(1);
    expect(issuesOf({ lookbackMonths: [6, 3] })).toEqual(['lookbackMonths: 回头看月数应从小到大且不重复']);
  });

  it('refuses a routing rule whose lead is also a co-unit, and two rules for one category', () => {
    expect(issuesOf({ routing: [{ category: '环境保护', leadUnitId: UNIT_A, cooperatingUnitIds: [UNIT_A] }] })).toEqual([
      'routing.0: 配合单位不能与牵头单位相同',
    ]);
    expect(
      issuesOf({
        routing: [
          { category: '环境保护', leadUnitId: UNIT_A },
          { category: '环境保护', leadUnitId: UNIT_B },
        ],
      }),
    ).toEqual(['routing: 同一类别只能有一条路由']);
  });

  it('names the unknown variable of a template', () => {
    expect(issuesOf({ templates: { overdue: '“{titel}”已超期' } })).toEqual(['templates.overdue: “超期提醒（责任单位）”使用了未定义的变量：{titel}']);
  });
});

describe('templates', () => {
  it('every default body uses only its own variables', () => {
    for (const key of TEMPLATE_KEYS) expect(unknownTemplateVariables(key, TEMPLATE_DEFINITIONS[key].defaultBody)).toEqual([]);
  });

  it('renders known values and leaves a missing one as written', () => {
    expect(renderTemplate('“{title}”还有 {daysLeft} 天（{deadline}）', { title: '路灯不亮', daysLeft: 3 })).toBe(
      '“路灯不亮”还有 3 天（{deadline}）',
    );
  });
});

describe('effectiveSettings', () => {
  it('gives the defaults with no source when nothing is set', () => {
    const { effective, sources } = effectiveSettings([]);
    expect(effective).toEqual(SETTINGS_DEFAULTS);
    expect(effective.disputeWindowDays).toBe(5);
    expect(effective.kpiTargets.completion).toBe(0.9);
    expect(Object.values(sources).every((s) => s === null)).toBe(true);
  });

  it('lets the nearest region win, merging KPI targets and templates entry by entry', () => {
    const { effective, sources } = effectiveSettings([
      { regionCode: '330100', settings: { disputeWindowDays: 7, kpiTargets: { completion: 0.95, rebound: 0.03 }, templates: { overdue: '超期 {overdueDays} 天' } } },
      { regionCode: '330110', settings: { kpiTargets: { completion: 0.85 }, lookbackMonths: [6] } },
    ]);
    expect(effective.disputeWindowDays).toBe(7);
    expect(effective.kpiTargets).toMatchObject({ completion: 0.85, rebound: 0.03, satisfaction: 0.9 });
    expect(effective.templates.overdue).toBe('超期 {overdueDays} 天');
    expect(effective.templates.deadlineNear).toBe(TEMPLATE_DEFINITIONS.deadlineNear.defaultBody);
    expect(effective.lookbackMonths).toEqual([6]);
    expect(sources).toMatchObject({ disputeWindowDays: '330100', kpiTargets: '330110', lookbackMonths: '330110', routing: null });
  });

  it('does not let a caller mutate the defaults through the result', () => {
    const { effective } = effectiveSettings([]);
    effective.lookbackMonths.push(12);
    expect(SETTINGS_DEFAULTS.lookbackMonths).toEqual([3, 6]);
  });
});
