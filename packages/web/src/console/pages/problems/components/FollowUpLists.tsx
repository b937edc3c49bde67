import { Button, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ApiError } from '../../../../api.ts';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useRequest, type RequestState } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { getLinkedClues, getMechanisms, getSuggestions, type LinkedClue, type Suggestion } from '../service.ts';
import { PlainList } from './PlainList.tsx';

/** A section's title with the actions the user may take there. */
function SectionTitle({ title, actions }: { title: string; actions?: React.ReactNode }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
      <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
        {title}
      </Typography.Title>
      {actions}
    </Space>
  );
}

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

/** Mechanisms linked to the problem; `actions`: the buttons the user may use here; `refresh` reloads the list. */
export function Mechanisms({
  problemId,
  actions,
  refresh = 0,
}: {
  problemId: string;
  actions?: React.ReactNode;
  refresh?: number;
}) {
  const { t } = useI18n();
  const state = useRequest(() => getMechanisms(problemId), [problemId, refresh]);
  return (
    <section data-testid="mechanisms">
      <SectionTitle title={t('problem.section.mechanisms')} actions={actions} />
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

/**
 * Members' suggestions and their answers; `onAnswer` (given to the lead unit) puts 答复 on each unanswered one,
 * `actions` are the section's buttons, `refresh` reloads the list.
 */
export function Suggestions({
  problemId,
  actions,
  onAnswer,
  refresh = 0,
}: {
  problemId: string;
  actions?: React.ReactNode;
  onAnswer?: (suggestion: Suggestion) => void;
  refresh?: number;
}) {
  const { t } = useI18n();
  const state = useRequest(() => getSuggestions(problemId), [problemId, refresh]);
  return (
    <section data-testid="suggestions">
      <SectionTitle title={t('problem.section.suggestions')} actions={actions} />
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
                    <Space>
                      <Tag color="gold">{t('problem.suggestion.unanswered')}</Tag>
                      {onAnswer ? (
                        <Button size="small" type="primary" onClick={() => onAnswer(s)}>
                          {t('followUp.answer')}
                        </Button>
                      ) : null}
                    </Space>
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
