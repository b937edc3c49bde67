import { useEffect, useState } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { createCampaignBody, updateCampaignBody } from '@rectify/domain/schemas/campaigns';
import { SCORE_SOURCES, type ScoreSource } from '@rectify/domain/campaign/scoring';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useFormRequest } from '../../../components/useFormRequest.ts';
import { RegionPicker } from '../../../components/RegionPicker.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { validateWith } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { searchUnits, unitById } from '../../../services/org.ts';
import { useSignedIn } from '../../../session.tsx';
import {
  createCampaign,
  getCampaign,
  listSchemes,
  searchUsers,
  updateCampaign,
  userById,
  type Campaign,
} from '../service.ts';
import { SearchMultiSelect, type Choice } from './SearchMultiSelect.tsx';

interface Values {
  title?: string;
  topic?: string;
  year?: number | null;
  regionCode?: string | null;
  schemeId?: string | null;
  targetUnitIds?: string[];
  memberIds?: string[];
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  sourceWeights?: Partial<Record<ScoreSource, number | null>>;
  lookbackMonths?: number[];
}

const LOOKBACK_CHOICES = [1, 2, 3, 6, 9, 12, 18, 24, 36];

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function valuesOf(c: Campaign): Values {
  return {
    title: c.title,
    topic: c.topic,
    year: c.year,
    schemeId: c.schemeId,
    targetUnitIds: c.targetUnitIds,
    memberIds: c.memberIds,
    startsOn: c.startsOn ? dayjs(c.startsOn) : null,
    endsOn: c.endsOn ? dayjs(c.endsOn) : null,
    sourceWeights: c.sourceWeights ?? undefined,
    lookbackMonths: c.lookbackMonths,
  };
}

/** The body both schemas take: empty optional fields are left out; source weights only when all three are given. */
function bodyOf(v: Values) {
  const w = v.sourceWeights;
  const weights =
    w && SCORE_SOURCES.some((s) => w[s] != null)
      ? { member: w.member ?? undefined, public: w.public ?? undefined, evaluator: w.evaluator ?? undefined }
      : undefined;
  return {
    title: v.title,
    topic: v.topic,
    year: v.year ?? undefined,
    schemeId: v.schemeId ?? undefined,
    targetUnitIds: v.targetUnitIds ?? [],
    memberIds: v.memberIds ?? [],
    startsOn: day(v.startsOn),
    endsOn: day(v.endsOn),
    sourceWeights: weights,
    lookbackMonths: v.lookbackMonths ?? [],
  };
}

const searchUnitChoices = (q: string): Promise<Choice[]> =>
  searchUnits(q).then((us) => us.map((u) => ({ value: u.id, label: u.name })));
const unitLabel = (id: string) => unitById(id).then((u) => u?.name ?? null);
const searchMemberChoices = (q: string): Promise<Choice[]> =>
  searchUsers(q).then((us) => us.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })));
const memberLabel = (id: string) =>
  userById(id).then(
    (u) => `${u.displayName}（${u.username}）`,
    () => null,
  );

/**
 * Create a campaign, or edit one at the version it was read: topic, target units, participating members, scheme,
 * schedule and source weights. A 409 (someone else saved first) offers to load the current version.
 */
export function CampaignFormModal({
  campaign,
  open,
  onClose,
  onSaved,
}: {
  /** null → create */
  campaign: Campaign | null;
  open: boolean;
  onClose: () => void;
  onSaved: (campaign: Campaign) => void;
}) {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, formErrors, setFormErrors, send } = useFormRequest(form);
  const [version, setVersion] = useState(campaign?.version ?? 0);
  const schemes = useRequest(() => (open ? listSchemes() : Promise.resolve([])), [open]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      campaign ? valuesOf(campaign) : { year: new Date().getFullYear(), lookbackMonths: [3, 6], targetUnitIds: [] },
    );
    setVersion(campaign?.version ?? 0);
    setError(null);
    setFormErrors([]);
  }, [open, campaign, form]);

  async function submit() {
    const values = form.getFieldsValue(true) as Values;
    setError(null);
    const body = bodyOf(values);
    const checked = campaign
      ? validateWith(updateCampaignBody, { ...body, version }, form)
      : validateWith(createCampaignBody, { ...body, regionCode: values.regionCode ?? undefined }, form);
    setFormErrors(checked.formErrors);
    if (!checked.data) return;
    await send(async () => {
      const saved = campaign
        ? await updateCampaign(campaign.id, checked.data as Parameters<typeof updateCampaign>[1])
        : await createCampaign(checked.data as Parameters<typeof createCampaign>[0]);
      message.success(t(campaign ? 'campaign.saved' : 'campaign.created'));
      onSaved(saved);
    });
  }

  async function loadLatest() {
    if (!campaign) return;
    try {
      const latest = await getCampaign(campaign.id);
      form.setFieldsValue(valuesOf(latest));
      setVersion(latest.version);
      setError(null);
      message.info(t('campaign.reloaded'));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <FormModal
      open={open}
      width={720}
      title={campaign ? t('campaign.edit') : t('campaign.create')}
      onCancel={onClose}
      onOk={submit}
      busy={busy}
      error={error}
      formErrors={formErrors}
      onLoadLatest={loadLatest}
      notices={schemes.error ? <ErrorAlert error={schemes.error} onRetry={schemes.reload} /> : null}
    >
      <Form form={form} layout="vertical" name="campaign" onFinish={submit}>
        <Form.Item name="title" label={t('campaign.title')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="topic" label={t('campaign.topic')} required>
            <Input maxLength={100} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="year" label={t('campaign.year')} required>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          {!campaign && (
            <Form.Item name="regionCode" label={t('campaign.region')} required>
              <RegionPicker />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="schemeId" label={t('campaign.scheme')}>
          <Select
            allowClear
            loading={schemes.loading}
            options={(schemes.data ?? []).map((s) => ({
              value: s.id,
              label: t('campaign.schemeOption', { name: s.name, version: s.version }),
            }))}
          />
        </Form.Item>
        <Form.Item name="targetUnitIds" label={t('campaign.targets')}>
          <SearchMultiSelect search={searchUnitChoices} labelOf={unitLabel} placeholder={t('unit.placeholder')} />
        </Form.Item>
        {access.userRead && (
          <Form.Item name="memberIds" label={t('campaign.members')} extra={t('campaign.membersHint')}>
            <SearchMultiSelect
              search={searchMemberChoices}
              labelOf={memberLabel}
              placeholder={t('campaign.memberPlaceholder')}
            />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="startsOn" label={t('campaign.startsOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t('campaign.endsOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="lookbackMonths" label={t('campaign.lookbackMonths')}>
            <Select
              mode="multiple"
              style={{ minWidth: 200 }}
              options={LOOKBACK_CHOICES.map((m) => ({ value: m, label: t('campaign.months', { months: m }) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t('campaign.sourceWeights')} extra={t('campaign.sourceWeightsHint')}>
          <Space wrap>
            {SCORE_SOURCES.map((s) => (
              <Form.Item key={s} name={['sourceWeights', s]} label={t(`campaign.source.${s}`)}>
                <InputNumber min={0} max={100} suffix="%" />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
      </Form>
    </FormModal>
  );
}
