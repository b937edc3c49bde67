import { Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { ApiError } from '../../../../api.ts';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useRequest, type RequestState } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { getLinkedClues, getMechanisms, getSuggestions, type LinkedClue } from '../service.ts';
import { PlainList } from './PlainList.tsx';

/** Loading, error and empty states of a section, then its content. */
function Section<T>({ state, render }: { state: RequestState<T[]>; render: (items: T[]) => React.ReactNode }) {
  const { t } = useI18n();
  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (state.data.length === 0)
    return <Empty description={t('problem.section.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <>{render(state.data)}</>;
}

/** Clues from the public linked to this problem; only roles that triage clues may read them (others: no section). */
export function LinkedClues({ problemId }: { problemId: string }) {
  const { t } = useI18n();
  const state = useRequest(() => getLinkedClues(problemId), [problemId]);
  if (state.error instanceof ApiError && state.error.status === 403) return null;
  return (
    <section data-testid="linked-clues">
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('problem.section.clues')}
      </Typography.Title>
      <Section<LinkedClue>
        state={state}
        render={(items) => (
          <Table<LinkedClue>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={items}
            scroll={{ x: 560 }}
            columns={[
              { title: t('problem.clue.code'), dataIndex: 'trackingCode', width: 130 },
              { title: t('problem.clue.title'), dataIndex: 'title' },
              { title: t('problem.clue.state'), dataIndex: 'stateLabel', width: 100 },
              {
                title: t('problem.clue.received'),
                dataIndex: 'receivedAt',
                width: 170,
                render: (v: string) => formatDateTime(v),
              },
            ]}
          />
        )}
      />
    </section>
  );
}

export function Mechanisms({ problemId }: { problemId: string }) {
  const { t } = useI18n();
  const state = useRequest(() => getMechanisms(problemId), [problemId]);
  return (
    <section data-testid="mechanisms">
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('problem.section.mechanisms')}
      </Typography.Title>
      <Section
        state={state}
        render={(items) => (
          <PlainList
            items={items}
            itemKey={(m) => m.id}
            render={(m) => (
              <>
                <div>
                  <Tag>{t(`problem.mechanism.kind.${m.kind}`)}</Tag>
                  <Typography.Text strong>{m.title}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {m.documentNo ? t('problem.mechanism.documentNo', { no: m.documentNo }) : ''}{' '}
                    {m.issuedOn ? t('problem.mechanism.issuedOn', { date: m.issuedOn }) : ''}
                  </Typography.Text>
                  <div>{m.summary}</div>
                </div>
              </>
            )}
          />
        )}
      />
    </section>
  );
}

export function Suggestions({ problemId }: { problemId: string }) {
  const { t } = useI18n();
  const state = useRequest(() => getSuggestions(problemId), [problemId]);
  return (
    <section data-testid="suggestions">
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('problem.section.suggestions')}
      </Typography.Title>
      <Section
        state={state}
        render={(items) => (
          <PlainList
            items={items}
            itemKey={(s) => s.id}
            render={(s) => (
              <>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(s.createdAt)}
                  </Typography.Text>
                  <div>{s.text}</div>
                  {s.answer ? (
                    <div>
                      <Tag color={s.answer === 'not_adopted' ? 'default' : 'green'}>
                        {t(`problem.suggestion.answer.${s.answer}`)}
                      </Tag>
                      {s.answerReason}{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('problem.suggestion.answeredAt', { at: formatDateTime(s.answeredAt) })}
                      </Typography.Text>
                    </div>
                  ) : (
                    <Tag color="gold">{t('problem.suggestion.unanswered')}</Tag>
                  )}
                </div>
              </>
            )}
          />
        )}
      />
    </section>
  );
}
