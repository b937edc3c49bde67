import { Button, Space, Typography } from 'antd';
import type { ProblemCommandType } from '@rectify/domain/problem/commands';
import { useI18n } from '../../../i18n.tsx';

/** Exactly the commands the server allows this user now (`allowedActions`), one button each. */
export function ActionBar({
  actions,
  onAction,
}: {
  actions: readonly ProblemCommandType[];
  onAction: (command: ProblemCommandType) => void;
}) {
  const { t } = useI18n();
  return (
    <section aria-label={t('problem.section.actions')} data-testid="problem-actions">
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('problem.section.noActions')}</Typography.Text>
      ) : (
        <Space wrap>
          {actions.map((a, i) => (
            <Button key={a} type={i === 0 ? 'primary' : 'default'} data-command={a} onClick={() => onAction(a)}>
              {t(`problem.command.${a}`)}
            </Button>
          ))}
        </Space>
      )}
    </section>
  );
}
