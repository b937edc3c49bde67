import { useEffect, useMemo, useState } from 'react';
import { Button, Empty, Grid, Pagination, Space, Spin, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { PROBLEM_LISTS, type ProblemList } from '@rectify/domain/schemas/problems';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { listPagination } from '../../components/pagination.ts';
import { useRequest } from '../../../lib/useRequest.ts';
import { useI18n } from '../../i18n.tsx';
import { useSignedIn } from '../../session.tsx';
import { bulkCommandsFor } from './bulk.ts';
import { COLUMN_KEYS, DEFAULT_COLUMNS, problemColumns, SORTABLE, type ColumnKey } from './columns.tsx';
import { BulkActions } from './components/BulkActions.tsx';
import { ColumnChooser } from './components/ColumnChooser.tsx';
import { FilterBar } from './components/FilterBar.tsx';
import { ProblemCard, problemPath } from './components/ProblemCard.tsx';
import { SavedFilters } from './components/SavedFilters.tsx';
import {
  DEFAULT_FILTERS,
  filtersFromSearch,
  filtersToSearch,
  withFilterChange,
  withoutPaging,
  type ListFilters,
} from './filters.ts';
import { chooseColumns, chosenColumns } from './preferences.ts';
import { listProblems, problemsCsvUrl, type Problem } from './service.ts';

/** `/lists/responsibility` → `responsibility`; the route table holds one entry per list, all on this page. */
function listOf(pathname: string): ProblemList {
  const last = pathname.split('/').filter(Boolean).pop();
  return PROBLEM_LISTS.find((l) => l === last) ?? 'problems';
}

/**
 * One of the three lists (问题清单/责任清单/整改清单). The URL is the state: filters, sort and page are read from and
 * written to its query string in the API's own parameter names, so links from elsewhere open it filtered, reloads
 * keep it, and the export and the API get exactly what the page shows.
 */
export default function ListPage() {
  const { t } = useI18n();
  const { me, access } = useSignedIn();
  const navigate = useNavigate();
  const list = listOf(useLocation().pathname);
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = filtersToSearch(filters).toString();
  const rows = useRequest(() => listProblems(list, filters), [list, query]);
  const narrow = !Grid.useBreakpoint().md;

  const [columns, setColumns] = useState<ColumnKey[]>(
    () => chosenColumns(me.id, list, COLUMN_KEYS) ?? [...DEFAULT_COLUMNS],
  );
  const [selected, setSelected] = useState<Problem[]>([]);
  useEffect(() => setSelected([]), [list, query]);

  const update = (change: Partial<ListFilters>) => setSearch(filtersToSearch(withFilterChange(filters, change)));
  const replaceAll = (next: Partial<ListFilters>) => setSearch(filtersToSearch(next));
  const bulkOffered = access.problemPublish || bulkCommandsFor(me).length > 0;
  const pagination = listPagination(filters, rows.data?.total, (f) => replaceAll(f(filters)), t);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <FilterBar
        list={list}
        filters={filters}
        onChange={update}
        onReset={() => replaceAll({ sort: filters.sort, pageSize: filters.pageSize })}
      />
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <SavedFilters
            key={list}
            userId={me.id}
            list={list}
            query={filtersToSearch(withoutPaging(filters)).toString()}
            onApply={(saved) =>
              replaceAll({ ...filtersFromSearch(new URLSearchParams(saved)), pageSize: filters.pageSize })
            }
          />
          <Button icon={<DownloadOutlined />} href={problemsCsvUrl(list, filters)} data-testid="export-csv">
            {t('action.exportCsv')}
          </Button>
          {narrow ? null : (
            <ColumnChooser
              value={columns}
              onChange={(keys) => {
                setColumns(keys);
                chooseColumns(me.id, list, keys);
              }}
            />
          )}
        </Space>
        {bulkOffered && !narrow ? (
          <BulkActions rows={selected} me={me} canPublish={access.problemPublish} onDone={rows.reload} />
        ) : null}
      </Space>
      {rows.error ? <ErrorAlert error={rows.error} onRetry={rows.reload} /> : null}
      {narrow ? (
        <Spin spinning={rows.loading}>
          <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="problem-cards">
            {(rows.data?.items ?? []).map((p) => (
              <ProblemCard key={p.id} problem={p} />
            ))}
            {rows.data && rows.data.items.length === 0 ? <Empty description={t('state.empty')} /> : null}
            <Pagination simple {...pagination} />
          </Space>
        </Spin>
      ) : (
        <Table<Problem>
          rowKey="id"
          data-testid="problems-table"
          loading={rows.loading}
          dataSource={rows.data?.items ?? []}
          columns={problemColumns(columns, filters.sort, t)}
          scroll={{ x: 960 }}
          pagination={pagination}
          rowSelection={
            bulkOffered
              ? { selectedRowKeys: selected.map((p) => p.id), onChange: (_keys, picked) => setSelected(picked) }
              : undefined
          }
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action !== 'sort' || Array.isArray(sorter)) return;
            const sortable = sorter.order ? SORTABLE[sorter.columnKey as ColumnKey] : undefined;
            update({ sort: sortable?.sort ?? DEFAULT_FILTERS.sort });
          }}
          onRow={(p) => ({
            onClick: (e) => {
              if ((e.target as HTMLElement).closest('.ant-table-selection-column, a, button')) return;
              navigate(problemPath(p.id));
            },
            style: { cursor: 'pointer' },
          })}
        />
      )}
    </Space>
  );
}
