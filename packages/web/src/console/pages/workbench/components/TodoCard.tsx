import { Badge, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TodoItemView } from '@rectify/domain/schemas/workbench';
import type { MessageKey } from '../../../../locales/zh-CN/index.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { myTodo } from '../service.ts';

const LIGHT_STATUS = { red: 'error', yellow: 'warning', green: 'success' } as const;

/** 我的待办: each problem waiting for a step from this user, with the step, its due date and the warning light. */
export function TodoCard() {
  const { t } = useI18n();
  const todo = useRequest(myTodo, []);
  const items = todo.data?.items ?? [];
  return (
    <Card
      title={t('workbench.todo')}
      extra={todo.data ? <Tag color={items.length > 0 ? 'blue' : 'default'}>{items.length}</Tag> : null}
      data-testid="todo"
    >
      {todo.error ? <ErrorAlert error={todo.error} onRetry={todo.reload} /> : null}
      {todo.loading && !todo.data ? (
        <Skeleton active />
      ) : items.length === 0 && !todo.error ? (
        <Empty description={t('workbench.todoEmpty')} />
      ) : (
        <List
          size="small"
          pagination={items.length > 8 ? { pageSize: 8, size: 'small' } : false}
          dataSource={items}
          renderItem={(item) => <TodoRow item={item} />}
        />
      )}
      {todo.data?.truncated ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('workbench.todoTruncated', { examined: todo.data.examined })}
        </Typography.Text>
      ) : null}
    </Card>
  );
}

function TodoRow({ item }: { item: TodoItemView }) {
  const { t } = useI18n();
  return (
    <List.Item data-testid="todo-item" data-duty={item.duty}>
      <List.Item.Meta
        avatar={
          item.warning ? (
            <Badge
              status={LIGHT_STATUS[item.warning]}
              aria-label={t(`workbench.light.${item.warning}` as MessageKey)}
            />
          ) : (
            <Badge status="default" />
          )
        }
        title={<Link to={`/problems/${item.problemId}`}>{item.title}</Link>}
        description={
          <Space size={[8, 0]} wrap>
            <Tag color="processing">{t(`workbench.duty.${item.duty}` as MessageKey)}</Tag>
            {item.dueOn ? <span>{t('workbench.dueOn', { date: item.dueOn })}</span> : null}
            {item.overdueDays > 0 ? (
              <Typography.Text type="danger">{t('workbench.overdueDays', { days: item.overdueDays })}</Typography.Text>
            ) : item.deadline ? (
              <span>{t('workbench.deadline', { date: item.deadline })}</span>
            ) : null}
          </Space>
        }
      />
    </List.Item>
  );
}
