// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, test } from 'vitest';
import { KpiCard } from '../../src/console/pages/dashboard/components/KpiCards.tsx';
import { clueRegionParam, kpiDrillLink, problemRegionParam } from '../../src/console/pages/dashboard/drill.ts';
import { formatGap, formatKpiValue, kpiStatus } from '../../src/console/pages/dashboard/figures.ts';
import { periodRange } from '../../src/console/pages/dashboard/period.ts';
import { renderConsole } from './render.tsx';

afterEach(cleanup);

const result = (value: number | null, target: number | null, meetsTarget: boolean | null, gap: number | null) => ({
  value,
  numerator: 0,
  denominator: 0,
  target,
  gap,
  meetsTarget,
});

describe('KPI figures', () => {
  test('rates read as percentages with one decimal, hours with one decimal, nothing as a dash', () => {
    expect(formatKpiValue(0.875, 'ratio')).toBe('87.5%');
    expect(formatKpiValue(2 / 3, 'ratio')).toBe('66.7%');
    expect(formatKpiValue(1, 'ratio')).toBe('100.0%');
    expect(formatKpiValue(0, 'ratio')).toBe('0.0%');
    expect(formatKpiValue(12.34, 'hours')).toBe('12.3');
    expect(formatKpiValue(null, 'ratio')).toBe('—');
  });

  test('the gap is in percentage points or hours, and absent when met or unknown', () => {
    expect(formatGap(result(0.8, 0.9, false, 0.9 - 0.8), 'ratio')).toBe('10.0');
    expect(formatGap(result(30.25, 24, false, 6.25), 'hours')).toBe('6.3');
    expect(formatGap(result(0.95, 0.9, true, 0), 'ratio')).toBeNull();
    expect(formatGap(result(null, 0.9, null, null), 'ratio')).toBeNull();
  });

  test('status: behind, met, no target, no data', () => {
    expect(kpiStatus(result(0.8, 0.9, false, 0.1))).toBe('behind');
    expect(kpiStatus(result(0.03, 0.05, true, 0))).toBe('met');
    expect(kpiStatus(result(0.7, null, null, null))).toBe('noTarget');
    expect(kpiStatus(result(null, 0.9, null, null))).toBe('noData');
  });
});

describe('drill-down links', () => {
  test('problem lists filter regions by prefix; the own region is left out', () => {
    expect(problemRegionParam('330500', '330500')).toBeUndefined();
    expect(problemRegionParam('330502', '330500')).toBe('330502');
    expect(problemRegionParam('330000', '330500')).toBe('33');
    expect(clueRegionParam('330502001', '330500')).toBe('330502001');
    expect(kpiDrillLink('completion', '330502', '330500')).toBe('/lists/problems?state=closed&region=330502');
    expect(kpiDrillLink('responseTime', '330500', '330500')).toBe('/clues?state=received%2Ctriaged&sort=oldest');
    expect(kpiDrillLink('adoption', '330500', '330500')).toBeNull();
  });
});

describe('periods', () => {
  test('this year, quarter and month start at Beijing midnight; the last 12 months are 365 days', () => {
    const now = new Date('2026-08-15T20:00:00Z'); // 2026-08-16 04:00 in Beijing
    expect(periodRange('year', now)).toEqual({ from: '2025-12-31T16:00:00.000Z', to: now.toISOString() });
    expect(periodRange('quarter', now).from).toBe('2026-06-30T16:00:00.000Z');
    expect(periodRange('month', now).from).toBe('2026-07-31T16:00:00.000Z');
    expect(periodRange('last12m', now).from).toBe('2025-08-15T20:00:00.000Z');
  });
});

describe('KpiCard', () => {
  test('shows value, target and a red gap when behind, linking to the rows behind it', () => {
    renderConsole(
      <MemoryRouter>
        <KpiCard
          name="completion"
          href="/lists/problems?state=closed"
          kpi={{ ...result(0.8, 0.9, false, 0.1), numerator: 8, denominator: 10, label: '整改完成率', unit: 'ratio' }}
        />
      </MemoryRouter>,
    );
    const card = screen.getByTestId('kpi-completion');
    expect(card.getAttribute('data-status')).toBe('behind');
    expect(screen.getByTestId('kpi-value').textContent).toBe('80.0%');
    expect(card.textContent).toContain('目标 90.0%');
    expect(screen.getByTestId('kpi-gap').textContent).toBe('差 10.0 个百分点');
    expect(screen.getByTestId('kpi-fraction').textContent).toBe('8 / 10');
    expect(screen.getByRole('link').getAttribute('href')).toBe('/lists/problems?state=closed');
  });

  test('response time reads in hours, met when at or under target', () => {
    renderConsole(
      <MemoryRouter>
        <KpiCard
          name="responseTime"
          href={null}
          kpi={{ ...result(12, 24, true, 0), numerator: 12, denominator: 40, label: '响应时长', unit: 'hours' }}
        />
      </MemoryRouter>,
    );
    expect(screen.getByTestId('kpi-value').textContent).toBe('12.0小时');
    expect(screen.getByTestId('kpi-responseTime').textContent).toContain('已达标');
    expect(screen.getByTestId('kpi-fraction').textContent).toBe('中位数，40 条线索');
    expect(screen.queryByRole('link')).toBeNull();
  });
});
