import type { TableColumnType } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../i18n/datetime.ts';
import { RegionName, UnitName } from '../../components/Names.tsx';
import type { T } from '../../i18n.tsx';
import { DeadlineStatus, EscalationTag, StateTag, WarningBadge } from './components/ProblemBadges.tsx';
import { problemPath } from './components/ProblemCard.tsx';
import type { ListSort } from './filters.ts';
import type { Problem } from './service.ts';

export const COLUMN_KEYS = [
  'title',
  'state',
  'warning',
  'region',
  'leadUnit',
  'deadline',
  'overdue',
  'escalation',
  'source',
  'severity',
  'createdAt',
  'updatedAt',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Shown until the user chooses; the title is always shown (it is the link to the problem). */
export const DEFAULT_COLUMNS: readonly ColumnKey[] = [
  'title',
  'state',
  'warning',
  'leadUnit',
  'deadline',
  'overdue',
  'escalation',
  'updatedAt',
];

/**
 * Columns the server can sort by, with the one direction each sort has (API `sort`): deadline soonest first, the
 * others largest or newest first.
 */
export const SORTABLE: Partial<Record<ColumnKey, { sort: ListSort; order: 'ascend' | 'descend' }>> = {
  deadline: { sort: 'deadline', order: 'ascend' },
  overdue: { sort: 'overdue', order: 'descend' },
  escalation: { sort: 'escalation', order: 'descend' },
  createdAt: { sort: 'created', order: 'descend' },
  updatedAt: { sort: 'updated', order: 'descend' },
};

export const columnTitle = (key: ColumnKey, t: T) => t(`lists.col.${key}`);

function render(key: ColumnKey, t: T): TableColumnType<Problem>['render'] {
  switch (key) {
    case 'title':
      return (_, p) => (
        <Link to={problemPath(p.id)} onClick={(e) => e.stopPropagation()}>
          {p.title}
        </Link>
      );
    case 'state':
      return (_, p) => <StateTag state={p.state} />;
    case 'warning':
      return (_, p) => <WarningBadge warning={p.warning} />;
    case 'region':
      return (_, p) => <RegionName code={p.regionCode} />;
    case 'leadUnit':
      return (_, p) => <UnitName id={p.leadUnitId} />;
    case 'deadline':
      return (_, p) => p.deadline ?? '—';
    case 'overdue':
      return (_, p) => <DeadlineStatus problem={p} />;
    case 'escalation':
      return (_, p) => <EscalationTag level={p.escalation} />;
    case 'source':
      return (_, p) => t(`lists.source.${p.source}`);
    case 'severity':
      return (_, p) => t(`lists.severity.${p.severity}`);
    case 'createdAt':
      return (_, p) => formatDateTime(p.createdAt);
    case 'updatedAt':
      return (_, p) => formatDateTime(p.updatedAt);
  }
}

const WIDTHS: Partial<Record<ColumnKey, number>> = {
  state: 120,
  warning: 80,
  deadline: 110,
  overdue: 110,
  escalation: 100,
  createdAt: 170,
  updatedAt: 170,
};

/** The table columns for the chosen keys, with the server-side sort shown on the column that is sorted by. */
export function problemColumns(keys: readonly ColumnKey[], sort: ListSort, t: T): TableColumnType<Problem>[] {
  return COLUMN_KEYS.filter((k) => k === 'title' || keys.includes(k)).map((key) => {
    const sortable = SORTABLE[key];
    return {
      key,
      title: columnTitle(key, t),
      width: WIDTHS[key],
      render: render(key, t),
      ...(sortable
        ? {
            sorter: true,
            sortDirections: [sortable.order],
            sortOrder: sort === sortable.sort ? sortable.order : null,
          }
        : {}),
    };
  });
}
