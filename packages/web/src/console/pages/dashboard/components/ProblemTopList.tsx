import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { UnitName } from '../../../components/Names.tsx';
import { useI18n } from '../../../i18n.tsx';
import type { ProblemRow } from '../service.ts';

const ESCALATION_COLOURS = ['default', 'gold', 'orange', 'red'] as const;

/** The first rows of a filtered problem list (overdue, escalated), each opening its problem. */
export function ProblemTopList({ rows, testId }: { rows: ProblemRow[]; testId: string }) {
  const { t } = useI18n();
  return (
    <List<ProblemRow>
      size="small"
      data-testid={testId}
      dataSource={rows}
      renderItem={(p) => (
        <List.Item
          extra={
            <span style={{ whiteSpace: 'nowrap' }}>
              {p.escalation > 0 ? (
                <Tag color={ESCALATION_COLOURS[p.escalation]}>
                  {t(`dashboard.escalation.${p.escalation as 1 | 2 | 3}`)}
                </Tag>
              ) : null}
              {p.overdueDays > 0 ? (
                <Typography.Text type="danger">{t('dashboard.overdueDays', { days: p.overdueDays })}</Typography.Text>
              ) : null}
            </span>
          }
        >
          <List.Item.Meta
            title={<Link to={`/problems/${p.id}`}>{p.title}</Link>}
            description={<UnitName id={p.leadUnitId} />}
          />
        </List.Item>
      )}
    />
  );
}
