// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { problemListQuery } from '@rectify/domain/schemas/problems';
import { withQuery } from '../../src/api.ts';
import { DeadlineStatus, WarningBadge } from '../../src/console/pages/lists/components/ProblemBadges.tsx';
import {
  DEFAULT_FILTERS,
  filtersFromSearch,
  filtersToParams,
  filtersToSearch,
  withFilterChange,
} from '../../src/console/pages/lists/filters.ts';
import { problemsCsvUrl, type Problem } from '../../src/console/pages/lists/service.ts';
import { renderConsole } from './render.tsx';

afterEach(cleanup);

const UNIT = '3f0c6b1e-0000-4000-8000-000000000001';

describe('list filters ↔ URL', () => {
  test('reads every API parameter from the URL in the API formats', () => {
    const f = filtersFromSearch(
      new URLSearchParams(
        `state=assigned,rectifying&warning=red&region=3305&unit=${UNIT}&source=clue&q=路灯&overdue=true&escalation=2&sort=deadline&page=3&pageSize=50`,
      ),
    );
    expect(f).toEqual({
      state: ['assigned', 'rectifying'],
      warning: 'red',
      region: '3305',
      unit: UNIT,
      source: 'clue',
      q: '路灯',
      overdue: true,
      escalation: 2,
      sort: 'deadline',
      page: 3,
      pageSize: 50,
    });
  });

  test('an empty URL gives the API defaults; malformed values are dropped one by one', () => {
    expect(filtersFromSearch(new URLSearchParams())).toEqual({ sort: 'updated', page: 1, pageSize: 20 });
    const f = filtersFromSearch(
      new URLSearchParams('state=assigned,bogus&warning=purple&region=x&unit=nope&page=0&pageSize=999&sort=name&q='),
    );
    expect(f).toEqual({ ...DEFAULT_FILTERS, state: ['assigned'] });
  });

  test('writes back only what differs from the defaults, and round-trips', () => {
    const f = withFilterChange(DEFAULT_FILTERS, { warning: 'red', overdue: true, state: ['assigned', 'rectifying'] });
    expect(filtersToSearch(f).toString()).toBe('state=assigned%2Crectifying&warning=red&overdue=true');
    expect(filtersFromSearch(filtersToSearch(f))).toEqual(f);
    expect(filtersToParams({ ...DEFAULT_FILTERS, overdue: false, state: [] })).toEqual({});
  });

  test('the written parameters are accepted by the server schema as the same filters', () => {
    const f = { ...DEFAULT_FILTERS, state: ['closed' as const], warning: 'yellow' as const, escalation: 1, page: 2 };
    const parsed = problemListQuery.parse(filtersToParams(f));
    expect(parsed).toMatchObject({ state: ['closed'], warning: 'yellow', escalation: 1, page: 2, format: 'json' });
  });

  test('changing a filter goes back to page 1; turning the page keeps the filters', () => {
    const onPage3 = { ...DEFAULT_FILTERS, warning: 'red' as const, page: 3 };
    expect(withFilterChange(onPage3, { q: '噪音' })).toMatchObject({ q: '噪音', warning: 'red', page: 1 });
    expect(withFilterChange(onPage3, { page: 4 })).toMatchObject({ warning: 'red', page: 4 });
  });

  test('the CSV export carries the same filters and order, without paging', () => {
    const f = { ...DEFAULT_FILTERS, warning: 'red' as const, overdue: true, sort: 'overdue' as const, page: 5 };
    expect(problemsCsvUrl('responsibility', f)).toBe(
      withQuery('/api/lists/responsibility', { warning: 'red', overdue: 'true', sort: 'overdue', format: 'csv' }),
    );
  });
});

describe('list badges', () => {
  const problem = (over: Partial<Problem>): Problem => ({
    id: UNIT,
    title: '老旧小区路灯不亮',
    description: '',
    category: null,
    severity: 'normal',
    source: 'clue',
    regionCode: '330502',
    campaignId: null,
    state: 'rectifying',
    leadUnitId: null,
    coUnitIds: [],
    deadline: '2025-03-10',
    assignedAt: null,
    closedAt: null,
    outcome: null,
    warning: 'yellow',
    overdueDays: 0,
    escalation: 0,
    reopened: 0,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    version: 1,
    ...over,
  });

  test('the warning light is named, and overdue days or days left are shown for open work', () => {
    renderConsole(
      <>
        <WarningBadge warning="red" />
        <DeadlineStatus problem={problem({ overdueDays: 12, warning: 'red' })} />
        <DeadlineStatus problem={problem({})} now={new Date('2025-03-05T02:00:00Z')} />
        <DeadlineStatus problem={problem({ state: 'closed', overdueDays: 3 })} />
      </>,
    );
    expect(screen.getByText('红灯')).toBeTruthy();
    expect(screen.getByText('逾期 12 天')).toBeTruthy();
    expect(screen.getByText('剩余 5 天')).toBeTruthy();
    expect(screen.queryByText('逾期 3 天')).toBeNull();
  });
});
