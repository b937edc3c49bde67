import { useState, type ReactNode } from 'react';
import { Col, Empty, Pagination, Row, Segmented, Space, Spin, Typography } from 'antd';
import type { ProblemState } from '@rectify/domain/problem/states';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { listPagination } from '../../../components/pagination.ts';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import type { MessageKey } from '../../../../locales/zh-CN/index.ts';
import { ProblemCard } from '../../lists/components/ProblemCard.tsx';
import { DEFAULT_FILTERS, type ListFilters } from '../../lists/filters.ts';
import { listProblems } from '../../lists/service.ts';
import { TaskActions } from './TaskActions.tsx';

export interface TaskView {
  label: MessageKey;
  states: readonly ProblemState[];
}

/**
 * A task list as cards (one column on a phone, more on wider screens), soonest deadline first, each naming what the
 * user can do on it and linking to the problem page where it is done. `views` are state groups to switch between.
 */
export function TaskBoard({
  intro,
  views,
  unit,
  empty,
  toolbar,
}: {
  intro: MessageKey;
  views: readonly TaskView[];
  unit?: string | undefined;
  empty: MessageKey;
  toolbar?: ReactNode;
}) {
  const { t } = useI18n();
  const [view, setView] = useState(0);
  const [paging, setPaging] = useState({ page: 1, pageSize: 12 });
  const filters: ListFilters = {
    ...DEFAULT_FILTERS,
    ...paging,
    state: [...views[view]!.states],
    unit,
    sort: 'deadline',
  };
  const tasks = useRequest(() => listProblems('problems', filters), [view, unit, paging.page, paging.pageSize]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t(intro)}</Typography.Text>
      <Space wrap>
        {toolbar}
        {views.length > 1 ? (
          <Segmented
            value={view}
            onChange={(v) => {
              setView(v);
              setPaging((p) => ({ ...p, page: 1 }));
            }}
            options={views.map((v, i) => ({ value: i, label: t(v.label) }))}
          />
        ) : null}
      </Space>
      {tasks.error ? <ErrorAlert error={tasks.error} onRetry={tasks.reload} /> : null}
      <Spin spinning={tasks.loading}>
        <Row gutter={[12, 12]} data-testid="task-cards">
          {(tasks.data?.items ?? []).map((p) => (
            <Col key={p.id} xs={24} md={12} xl={8}>
              <ProblemCard problem={p} extra={<TaskActions problemId={p.id} />} />
            </Col>
          ))}
        </Row>
        {tasks.data && tasks.data.items.length === 0 ? <Empty description={t(empty)} /> : null}
      </Spin>
      <Pagination
        simple
        {...listPagination(paging, tasks.data?.total, (f) => setPaging(f(paging)), t)}
        showSizeChanger={false}
      />
    </Space>
  );
}
