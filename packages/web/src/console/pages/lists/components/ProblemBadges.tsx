import { Tag, Typography } from 'antd';
import { daysBetween, isCalendarDate, localDate } from '@rectify/domain/problem/calendar';
import { OPEN_STATES } from '@rectify/domain/problem/states';
import { useI18n } from '../../../i18n.tsx';
import type { Problem } from '../service.ts';

const LIGHT_COLORS = { green: 'success', yellow: 'warning', red: 'error' } as const;

/** The warning light (绿/黄/红灯) as a coloured badge; closed or unassigned problems have none. */
export function WarningBadge({ warning }: { warning: Problem['warning'] }) {
  const { t } = useI18n();
  if (!warning) return <>—</>;
  return (
    <Tag color={LIGHT_COLORS[warning]} data-warning={warning}>
      {t(`lists.warning.${warning}`)}
    </Tag>
  );
}

export function StateTag({ state }: { state: Problem['state'] }) {
  const { t } = useI18n();
  return <Tag>{t(`lists.state.${state}`)}</Tag>;
}

export function EscalationTag({ level }: { level: number }) {
  const { t } = useI18n();
  if (level < 1 || level > 3) return <>—</>;
  return <Tag color={level === 3 ? 'magenta' : 'orange'}>{t(`lists.escalation.${level as 1 | 2 | 3}`)}</Tag>;
}

/**
 * How the deadline stands for open work: overdue days as the server counted them, else the days left (in the
 * platform's time zone, where deadlines are calendar days). Nothing for closed or unassigned problems.
 */
export function DeadlineStatus({ problem, now = new Date() }: { problem: Problem; now?: Date }) {
  const { t } = useI18n();
  if (!problem.deadline || !OPEN_STATES.includes(problem.state)) return null;
  if (problem.overdueDays > 0) {
    return <Typography.Text type="danger">{t('lists.overdueDays', { days: problem.overdueDays })}</Typography.Text>;
  }
  if (!isCalendarDate(problem.deadline)) return null;
  const left = daysBetween(localDate(now), problem.deadline);
  if (left < 0) return null;
  return (
    <Typography.Text type={left <= 7 ? 'warning' : 'secondary'}>
      {left === 0 ? t('lists.dueToday') : t('lists.daysLeft', { days: left })}
    </Typography.Text>
  );
}
