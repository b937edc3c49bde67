import { useEffect } from 'react';
import { App, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { researchBody } from '@rectify/domain/schemas/campaigns';
import { FormModal } from '../../../components/FormModal.tsx';
import { useFormRequest } from '../../../components/useFormRequest.ts';
import { RegionPicker } from '../../../components/RegionPicker.tsx';
import { validateWith } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { addResearch, type Campaign, type ResearchRecord } from '../service.ts';
import { EvidenceUpload } from '../../../components/evidence/EvidenceUpload.tsx';

interface Values {
  kind?: ResearchRecord['kind'];
  title?: string;
  notes?: string;
  regionCode?: string | null;
  happenedOn?: Dayjs | null;
  evidence?: string[];
}

const KINDS: ResearchRecord['kind'][] = ['visit', 'survey', 'meeting'];

/** Records a visit, survey or meeting of the campaign, with its notes, place, day and evidence files. */
export function ResearchFormModal({
  campaign,
  open,
  onClose,
  onSaved,
}: {
  campaign: Campaign;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, formErrors, setFormErrors, send } = useFormRequest(form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ kind: 'visit', regionCode: campaign.regionCode, evidence: [] });
    setError(null);
    setFormErrors([]);
  }, [open, campaign.regionCode, form]);

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    setError(null);
    const checked = validateWith(
      researchBody,
      {
        kind: v.kind,
        title: v.title,
        notes: v.notes,
        regionCode: v.regionCode ?? undefined,
        happenedOn: v.happenedOn ? v.happenedOn.format('YYYY-MM-DD') : undefined,
        evidence: v.evidence ?? [],
      },
      form,
    );
    setFormErrors(checked.formErrors);
    if (!checked.data) return;
    await send(async () => {
      await addResearch(campaign.id, checked.data);
      message.success(t('campaign.research.saved'));
      onSaved();
    });
  }

  return (
    <FormModal
      open={open}
      width={640}
      title={t('campaign.research.add')}
      onCancel={onClose}
      onOk={submit}
      busy={busy}
      error={error}
      formErrors={formErrors}
    >
      <Form form={form} layout="vertical" name="research" onFinish={submit}>
        <Form.Item name="kind" label={t('campaign.research.kind')} required>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`campaign.research.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('campaign.research.title')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="happenedOn" label={t('campaign.research.happenedOn')} required>
          <DatePicker />
        </Form.Item>
        <Form.Item name="regionCode" label={t('campaign.research.place')} required>
          <RegionPicker />
        </Form.Item>
        <Form.Item name="notes" label={t('campaign.research.notes')} required>
          <Input.TextArea rows={5} maxLength={20_000} showCount />
        </Form.Item>
        <Form.Item name="evidence" label={t('campaign.research.evidence')}>
          <EvidenceUpload />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
