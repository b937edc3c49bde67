import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Space, Typography } from 'antd';
import type { RegionSettings } from '@rectify/domain/settings/schemas';
import { ApiError } from '../../../../api.ts';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { isStaleVersion } from '../../../components/errors.ts';
import { useI18n } from '../../../i18n.tsx';
import { draftIssues, type SettingsContext } from '../lib/settingsDraft.ts';
import {
  AssessmentSection,
  KpiTargetsSection,
  PeriodsSection,
  RejectReasonsSection,
  RoutingSection,
} from './SettingsSections.tsx';
import { TemplatesSection } from './TemplatesSection.tsx';

/** A 409 on a versioned write: `version_conflict` (settings) or a conflict carrying `currentVersion`. */
export function isVersionConflict(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409 && (err.code === 'version_conflict' || isStaleVersion(err));
}

/**
 * One region's settings (地区配置): every value with where it comes from, edited as the region's own settings
 * (恢复继承 drops a key), checked live with the domain's `regionSettings` and saved as a whole at the version read.
 */
export function SettingsForm({
  ctx,
  canEdit,
  categories,
  onSave,
  onReload,
}: {
  ctx: SettingsContext;
  canEdit: boolean;
  /** Clue categories offered for routing rules. */
  categories: string[];
  /** PUT at `version`; resolves when saved (the page then passes the new view). */
  onSave: (version: number, settings: RegionSettings) => Promise<void>;
  /** Loads the current settings again (after a 409). */
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<RegionSettings>(ctx.view.own);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // A new view (saved, reloaded, another region) resets the draft to what the server holds.
  useEffect(() => {
    setDraft(ctx.view.own);
    setError(null);
  }, [ctx.view]);

  const issues = useMemo(() => draftIssues(draft), [draft]);
  const issueCount = [...issues.values()].reduce((n, m) => n + m.length, 0);
  const props = { ctx, draft, update: (f: (d: RegionSettings) => RegionSettings) => setDraft(f), issues, canEdit };

  async function save() {
    setError(null);
    setBusy(true);
    try {
      await onSave(ctx.view.version, draft);
      message.success(t('settings.saved'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as unknown[]) : [];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="settings-form">
      <Space wrap>
        <Typography.Text type="secondary" data-testid="settings-version">
          {ctx.view.version === 0
            ? t('settings.neverSaved')
            : `${t('settings.version', { version: ctx.view.version })} · ${t('settings.updatedAt', {
                at: formatDateTime(ctx.view.updatedAt),
              })}`}
        </Typography.Text>
        {!canEdit ? <Alert type="info" title={t('settings.readOnly')} showIcon /> : null}
      </Space>
      {error ? (
        isVersionConflict(error) ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="settings-stale"
            title={t('settings.stale')}
            action={
              <Button size="small" onClick={onReload}>
                {t('settings.reload')}
              </Button>
            }
          />
        ) : (
          <>
            <ErrorAlert error={error} />
            {details.map((d, i) => {
              const { path, message: text } = d as { path?: string; message?: string };
              return text ? <Alert key={i} type="error" title={path ? `${path}：${text}` : text} /> : null;
            })}
          </>
        )
      ) : null}
      <KpiTargetsSection {...props} />
      <AssessmentSection {...props} />
      <PeriodsSection {...props} />
      <RejectReasonsSection {...props} />
      <RoutingSection {...props} categories={categories} />
      <TemplatesSection {...props} />
      {canEdit ? (
        <Space>
          <Button type="primary" data-testid="settings-save" loading={busy} disabled={issueCount > 0} onClick={save}>
            {t('settings.save')}
          </Button>
          {issueCount > 0 ? (
            <Typography.Text type="danger" data-testid="settings-status">
              {t('settings.invalid', { count: issueCount })}
            </Typography.Text>
          ) : null}
        </Space>
      ) : null}
    </Space>
  );
}
