import { useEffect, useState } from 'react';
import { Button, Card, Checkbox, Form, Input, Select, Space, Tag } from 'antd';
import { PROBLEM_LIST_STATES, PROBLEM_SOURCES, type ProblemList } from '@rectify/domain/schemas/problems';
import { RegionName, UnitName } from '../../../components/Names.tsx';
import { RegionPicker } from '../../../components/RegionPicker.tsx';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import type { ListFilters, WarningLight } from '../filters.ts';
import { listCampaigns } from '../service.ts';

const LIGHTS: WarningLight[] = ['red', 'yellow', 'green'];
const ESCALATION_LEVELS = [1, 2, 3] as const;

/**
 * The filter bar of a list. Every control writes its change straight through `onChange` (the page puts it in the
 * URL); the keyword is sent on Enter or search. Active region and unit filters are also shown as closable tags,
 * because a filter opened from a link has no path in the pickers to display.
 */
export function FilterBar({
  list,
  filters,
  onChange,
  onReset,
}: {
  list: ProblemList;
  filters: ListFilters;
  onChange: (change: Partial<ListFilters>) => void;
  onReset: () => void;
}) {
  const { t } = useI18n();
  const campaigns = useRequest(listCampaigns, []);
  const [keyword, setKeyword] = useState(filters.q ?? '');
  useEffect(() => setKeyword(filters.q ?? ''), [filters.q]);

  return (
    <Card size="small" data-testid="list-filters">
      <Form layout="inline" name={`list-filters-${list}`} style={{ rowGap: 8 }}>
        <Form.Item label={t('filter.keyword')} htmlFor="lists-q">
          <Input.Search
            id="lists-q"
            allowClear
            maxLength={50}
            value={keyword}
            onChange={(e) => setKeyword(e.target.value)}
            onSearch={(q) => onChange({ q: q.trim() || undefined })}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item label={t('lists.filter.state')} htmlFor="lists-state">
          <Select
            id="lists-state"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('filter.all')}
            value={filters.state ?? []}
            onChange={(state) => onChange({ state: state.length > 0 ? state : undefined })}
            options={PROBLEM_LIST_STATES[list].map((s) => ({ value: s, label: t(`lists.state.${s}`) }))}
            style={{ minWidth: 200 }}
          />
        </Form.Item>
        <Form.Item label={t('lists.filter.warning')} htmlFor="lists-warning">
          <Select
            id="lists-warning"
            allowClear
            placeholder={t('filter.all')}
            value={filters.warning}
            onChange={(warning) => onChange({ warning })}
            options={LIGHTS.map((w) => ({ value: w, label: t(`lists.warning.${w}`) }))}
            style={{ width: 110 }}
          />
        </Form.Item>
        <Form.Item label={t('lists.filter.region')} htmlFor="lists-region">
          <RegionPicker
            id="lists-region"
            value={filters.region}
            onChange={(code) => onChange({ region: code ?? undefined })}
          />
        </Form.Item>
        <Form.Item label={t('lists.filter.unit')} htmlFor="lists-unit">
          <UnitPicker id="lists-unit" value={filters.unit} onChange={(unit) => onChange({ unit: unit ?? undefined })} />
        </Form.Item>
        <Form.Item label={t('lists.filter.campaign')} htmlFor="lists-campaign">
          <Select
            id="lists-campaign"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={campaigns.loading}
            status={campaigns.error ? 'error' : undefined}
            placeholder={t('filter.all')}
            value={filters.campaign}
            onChange={(campaign) => onChange({ campaign })}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.year} ${c.title}` }))}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item label={t('lists.filter.source')} htmlFor="lists-source">
          <Select
            id="lists-source"
            allowClear
            placeholder={t('filter.all')}
            value={filters.source}
            onChange={(source) => onChange({ source })}
            options={PROBLEM_SOURCES.map((s) => ({ value: s, label: t(`lists.source.${s}`) }))}
            style={{ width: 130 }}
          />
        </Form.Item>
        <Form.Item label={t('lists.filter.escalation')} htmlFor="lists-escalation">
          <Select
            id="lists-escalation"
            allowClear
            placeholder={t('filter.all')}
            value={filters.escalation}
            onChange={(escalation) => onChange({ escalation })}
            options={ESCALATION_LEVELS.map((l) => ({ value: l, label: t(`lists.escalationAtLeast.${l}`) }))}
            style={{ width: 150 }}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox
            checked={filters.overdue === true}
            onChange={(e) => onChange({ overdue: e.target.checked || undefined })}
          >
            {t('lists.filter.overdue')}
          </Checkbox>
        </Form.Item>
        <Form.Item>
          <Button onClick={onReset}>{t('action.reset')}</Button>
        </Form.Item>
      </Form>
      {filters.region || filters.unit ? (
        <Space size={4} wrap style={{ marginTop: 8 }}>
          {filters.region ? (
            <Tag closable onClose={() => onChange({ region: undefined })}>
              {t('lists.activeFilter', { name: t('lists.filter.region') })}
              <RegionName code={filters.region} />
            </Tag>
          ) : null}
          {filters.unit ? (
            <Tag closable onClose={() => onChange({ unit: undefined })}>
              {t('lists.activeFilter', { name: t('lists.filter.unit') })}
              <UnitName id={filters.unit} />
            </Tag>
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}
