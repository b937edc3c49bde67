import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n.tsx';
import type { MessageKey } from '../../../../locales/zh-CN/index.ts';
import { problemListLink, type DrillParams } from '../drill.ts';
import { formatCount } from '../figures.ts';

/** A count of problems and the list filters that select exactly them (the same filters gave the count). */
export interface ProblemCount {
  key: string;
  label: MessageKey;
  colour: string;
  filter: DrillParams;
  total: number;
}

/** Warning lights, overdue and escalation levels: each count opens the problem list filtered to its rows. */
export function WarningLights({ counts, big }: { counts: ProblemCount[]; big: boolean }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      {counts.map((c) => (
        <Col key={c.key} xs={12} sm={8} lg={big ? 3 : 6} xl={3}>
          <Link to={problemListLink(c.filter)} data-testid={`count-${c.key}`} aria-label={`${t(c.label)} ${c.total}`}>
            <Card size="small" hoverable>
              <Statistic
                title={t(c.label)}
                value={formatCount(c.total)}
                styles={{ content: { color: c.colour, fontSize: big ? 40 : 26, fontWeight: 600 } }}
              />
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
