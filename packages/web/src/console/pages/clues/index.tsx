import { useMemo } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { CLUE_STATES } from '@rectify/domain/clue/states';
import { formatDateTime } from '../../../i18n/datetime.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RegionName } from '../../components/Names.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { useI18n } from '../../i18n.tsx';
import { ClueDrawer, STATE_COLOURS } from './components/ClueDrawer.tsx';
import { SuggestionTag } from './components/SuggestionTag.tsx';
import {
  CLUE_CHANNELS,
  CLUE_SORTS,
  filtersFromSearch,
  filtersToSearch,
  MODERATIONS,
  REVIEW_FILTERS,
  type ClueFilters,
} from './filters.ts';
import { cluesCsvUrl, getClueSettings, listClues, type ClueRow } from './service.ts';

/**
 * 线索分拣: the queue of public clues in the caller's scope, filtered by state, moderation, channel, category,
 * region, time and keyword (all in the URL), with the analytics suggestion per clue; a row opens the clue's drawer
 * (`?clue=<id>`) where the triage steps are taken.
 */
export default function CluesPage() {
  const { t } = useI18n();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const openId = search.get('clue');
  const clues = useRequest(() => listClues(filters), [filters]);
  const settings = useRequest(getClueSettings, []);

  const update = (change: Partial<ClueFilters>, clue: string | null = openId) => {
    const touchesFilters = Object.keys(change).some((k) => k !== 'page' && k !== 'pageSize');
    const next = { ...filters, ...change, ...(touchesFilters ? { page: 1 } : {}) };
    setSearch(filtersToSearch(next, { clue: clue ?? undefined }));
  };
  const open = (id: string | null) => setSearch(filtersToSearch(filters, { clue: id ?? undefined }));

  const states = filters.state ? filters.state.split(',') : [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form layout="inline" name="clue-filters" style={{ rowGap: 8 }}>
          <Form.Item label={t('clues.filter.state')}>
            <Select
              mode="multiple"
              allowClear
              data-testid="filter-state"
              value={states}
              onChange={(v: string[]) => update({ state: v.length ? v.join(',') : undefined })}
              options={CLUE_STATES.map((s) => ({ value: s, label: t(`clues.state.${s}`) }))}
              style={{ minWidth: 180 }}
            />
          </Form.Item>
          <Form.Item label={t('clues.filter.moderation')}>
            <Select
              allowClear
              value={filters.moderation}
              onChange={(v) => update({ moderation: v })}
              options={MODERATIONS.map((m) => ({ value: m, label: t(`clues.moderation.${m}`) }))}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Form.Item label={t('clues.filter.channel')}>
            <Select
              allowClear
              value={filters.channel}
              onChange={(v) => update({ channel: v })}
              options={CLUE_CHANNELS.map((c) => ({ value: c, label: t(`clues.channel.${c}`) }))}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('clues.filter.category')}>
            <Select
              allowClear
              showSearch
              value={filters.category}
              onChange={(v) => update({ category: v })}
              options={(settings.data?.categories ?? []).map((c) => ({ value: c.name, label: c.name }))}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('clues.filter.region')}>
            <RegionPicker value={filters.region ?? null} onChange={(code) => update({ region: code ?? undefined })} />
          </Form.Item>
          <Form.Item label={t('clues.filter.time')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
              onChange={(range) =>
                update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
              }
            />
          </Form.Item>
          <Form.Item label={t('filter.keyword')}>
            <Input.Search
              allowClear
              maxLength={100}
              defaultValue={filters.q}
              key={filters.q ?? ''}
              data-testid="filter-q"
              onSearch={(q) => update({ q: q.trim() || undefined })}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Form.Item label={t('clues.col.suggestion')}>
            <Select
              allowClear
              data-testid="filter-needs-review"
              value={filters.needsReview}
              onChange={(v) => update({ needsReview: v })}
              options={REVIEW_FILTERS.map((v) => ({ value: v, label: t(`clues.needsReview.${v}`) }))}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item label={t('clues.filter.sort')}>
            <Select
              value={filters.sort ?? 'received'}
              onChange={(v) => update({ sort: v === 'received' ? undefined : v })}
              options={CLUE_SORTS.map((s) => ({ value: s, label: t(`clues.sort.${s}`) }))}
              style={{ width: 130 }}
            />
          </Form.Item>
          <Space>
            <Button onClick={() => setSearch(new URLSearchParams())}>{t('action.reset')}</Button>
            <Button href={cluesCsvUrl(filters)}>{t('action.exportCsv')}</Button>
          </Space>
        </Form>
      </Card>
      {clues.error ? <ErrorAlert error={clues.error} onRetry={clues.reload} /> : null}
      {settings.error ? <ErrorAlert error={settings.error} onRetry={settings.reload} /> : null}
      <Table<ClueRow>
        rowKey="id"
        data-testid="clues-table"
        loading={clues.loading}
        dataSource={clues.data?.items ?? []}
        scroll={{ x: 1100 }}
        onRow={(row) => ({ onClick: () => open(row.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: clues.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('state.total', { total: n }),
          onChange: (page, pageSize) => update({ page, pageSize }),
        }}
        columns={[
          {
            title: t('clues.col.code'),
            dataIndex: 'trackingCode',
            width: 150,
            render: (v: string) => <code style={{ whiteSpace: 'nowrap' }}>{v}</code>,
          },
          { title: t('clues.col.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('clues.filter.state'),
            dataIndex: 'state',
            width: 110,
            render: (s: ClueRow['state'], c) => (
              <Space size={2} wrap>
                <Tag color={STATE_COLOURS[s]}>{t(`clues.state.${s}`)}</Tag>
                {c.moderation !== 'ok' ? (
                  <Tag color={c.moderation === 'held' ? 'orange' : 'red'}>{t(`clues.moderation.${c.moderation}`)}</Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('clues.filter.channel'),
            dataIndex: 'channel',
            width: 110,
            render: (c: ClueRow['channel']) => t(`clues.channel.${c}`),
          },
          {
            title: t('clues.filter.region'),
            dataIndex: 'regionCode',
            width: 120,
            render: (code: string) => <RegionName code={code} />,
          },
          {
            title: t('clues.filter.category'),
            dataIndex: 'category',
            width: 110,
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('clues.col.suggestion'),
            dataIndex: 'suggestions',
            width: 240,
            render: (s: ClueRow['suggestions']) => <SuggestionTag suggestions={s} />,
          },
          { title: t('clues.col.receivedAt'), dataIndex: 'receivedAt', width: 170, render: formatDateTime },
        ]}
      />
      {openId ? (
        <ClueDrawer
          key={openId}
          id={openId}
          settings={settings.data}
          onClose={() => open(null)}
          onOpen={open}
          onChanged={clues.reload}
        />
      ) : null}
    </Space>
  );
}
