import { Tag } from 'antd';
import type { CampaignPhase } from '@rectify/domain/campaign/phases';
import { useI18n } from '../../../i18n.tsx';

const COLORS: Record<CampaignPhase, string> = {
  planning: 'default',
  research: 'blue',
  scoring: 'purple',
  rectification: 'orange',
  lookback: 'cyan',
  archived: 'green',
};

export function PhaseTag({ phase }: { phase: CampaignPhase }) {
  const { t } = useI18n();
  return <Tag color={COLORS[phase]}>{t(`campaign.phase.${phase}`)}</Tag>;
}
