import { useState } from 'react';
import { Alert, App, Button, Descriptions, Popconfirm, Space, Steps, Tag } from 'antd';
import { Link } from 'react-router';
import { CAMPAIGN_PHASES, nextPhase } from '@rectify/domain/campaign/phases';
import { SCORE_SOURCES, DEFAULT_SOURCE_WEIGHTS } from '@rectify/domain/campaign/scoring';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { isStaleVersion } from '../../../components/errors.ts';
import { RegionName, UnitName } from '../../../components/Names.tsx';
import { useI18n } from '../../../i18n.tsx';
import { useSignedIn } from '../../../session.tsx';
import { advancePhase, type Campaign, type Scheme } from '../service.ts';
import { CampaignFormModal } from './CampaignFormModal.tsx';
import { MemberNames } from './MemberNames.tsx';

/**
 * 概况与筹备: the phase track with the advance step (staff; the server's phase guards answer with their reasons),
 * target units, members, schedule and weights, and the edit form.
 */
export function OverviewTab({
  campaign,
  scheme,
  onChanged,
}: {
  campaign: Campaign;
  scheme: Scheme | null;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = nextPhase(campaign.phase);
  const weights = campaign.sourceWeights ?? DEFAULT_SOURCE_WEIGHTS;

  async function advance() {
    if (!next) return;
    setBusy(true);
    setError(null);
    try {
      await advancePhase(campaign.id, next, campaign.version);
      message.success(t('campaign.advanced', { phase: t(`campaign.phase.${next}`) }));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Steps
        size="small"
        current={CAMPAIGN_PHASES.indexOf(campaign.phase)}
        items={CAMPAIGN_PHASES.map((p) => ({ title: t(`campaign.phase.${p}`) }))}
        data-testid="campaign-phases"
      />
      {error ? (
        isStaleVersion(error) ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('error.stale')}
            action={
              <Button
                size="small"
                onClick={() => {
                  setError(null);
                  onChanged();
                }}
              >
                {t('action.refresh')}
              </Button>
            }
          />
        ) : (
          <ErrorAlert error={error} />
        )
      ) : null}
      {access.campaignManage && campaign.phase !== 'archived' && (
        <Space wrap>
          <Button onClick={() => setEditing(true)}>{t('action.edit')}</Button>
          {next && (
            <Popconfirm
              title={t('campaign.advanceConfirm', { phase: t(`campaign.phase.${next}`) })}
              okText={t('action.confirm')}
              cancelText={t('action.cancel')}
              onConfirm={advance}
            >
              <Button type="primary" loading={busy}>
                {t('campaign.advanceTo', { phase: t(`campaign.phase.${next}`) })}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="campaign-overview">
        <Descriptions.Item label={t('campaign.topic')}>{campaign.topic}</Descriptions.Item>
        <Descriptions.Item label={t('campaign.year')}>{campaign.year}</Descriptions.Item>
        <Descriptions.Item label={t('campaign.region')}>
          <RegionName code={campaign.regionCode} />
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.schedule')}>
          {campaign.startsOn ?? '—'} ~ {campaign.endsOn ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.scheme')}>
          {scheme ? (
            <Link to={`/schemes?id=${scheme.id}`}>
              {t('campaign.schemeOption', { name: scheme.name, version: scheme.version })}
            </Link>
          ) : (
            t('campaign.noScheme')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.sourceWeights')}>
          {SCORE_SOURCES.map((s) => (
            <Tag key={s}>
              {t(`campaign.source.${s}`)} {weights[s as keyof typeof weights] ?? 0}%
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.lookbackMonths')}>
          {campaign.lookbackMonths.map((m) => t('campaign.months', { months: m })).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.members')}>
          {access.userRead && campaign.memberIds.length > 0 ? (
            <MemberNames ids={campaign.memberIds} />
          ) : (
            t('campaign.memberCount', { count: campaign.memberIds.length })
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.targets')} span={2}>
          {campaign.targetUnitIds.length === 0
            ? t('campaign.noTargets')
            : campaign.targetUnitIds.map((id) => (
                <Tag key={id} style={{ marginBottom: 4 }}>
                  <UnitName id={id} />
                </Tag>
              ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('campaign.version')}>{campaign.version}</Descriptions.Item>
      </Descriptions>
      <CampaignFormModal
        campaign={campaign}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          onChanged();
        }}
      />
    </Space>
  );
}
