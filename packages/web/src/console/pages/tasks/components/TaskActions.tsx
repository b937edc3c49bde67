import { Tag, Typography } from 'antd';
import type { ProblemCommandType } from '@rectify/domain/problem/commands';
import { useRequest } from '../../../../lib/useRequest.ts';
import { errorMessage } from '../../../components/errors.ts';
import { useI18n } from '../../../i18n.tsx';
import { getProblem } from '../service.ts';

/** The steps units and supervisors take themselves; they are what a task card names. */
const TASK_COMMANDS = [
  'submit_plan',
  'report_progress',
  'request_extension',
  'request_closure',
  'dispute',
  'verify_pass',
  'verify_fail',
] as const satisfies readonly ProblemCommandType[];

/**
 * What the signed-in user can do on this problem now, as the server says (`allowedActions` of the problem), so a
 * card never promises a step the server would refuse. The steps themselves are taken on the problem page.
 */
export function TaskActions({ problemId }: { problemId: string }) {
  const { t } = useI18n();
  const detail = useRequest(() => getProblem(problemId), [problemId]);
  if (detail.error) return <Typography.Text type="danger">{errorMessage(detail.error, t)}</Typography.Text>;
  if (!detail.data) return <Typography.Text type="secondary">{t('state.loading')}</Typography.Text>;
  const allowed = TASK_COMMANDS.filter((c) => detail.data!.allowedActions.includes(c));
  if (allowed.length === 0) return <Typography.Text type="secondary">{t('tasks.nothingToDo')}</Typography.Text>;
  return (
    <div data-testid="task-actions">
      <Typography.Text type="secondary" style={{ marginRight: 4 }}>
        {t('tasks.canDo')}
      </Typography.Text>
      {allowed.map((c) => (
        <Tag key={c} color="processing">
          {t(`tasks.command.${c}`)}
        </Tag>
      ))}
    </div>
  );
}
