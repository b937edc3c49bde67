import { useEffect, useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { createUnitBody, UNIT_KINDS, updateUnitBody } from '@rectify/domain/schemas/org';
import { FormModal } from '../../../components/FormModal.tsx';
import { useFormRequest } from '../../../components/useFormRequest.ts';
import { RegionPicker } from '../../../components/RegionPicker.tsx';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
import { validateWith } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { forgetUnit, type Unit } from '../../../services/org.ts';
import { createUnit, getUnit, updateUnit } from '../service.ts';

interface Values {
  name?: string;
  kind?: Unit['kind'];
  regionCode?: string | null;
  parentId?: string | null;
}

/**
 * Create a unit, or edit one at the version it was read. A 409 (someone else saved first) is shown as
 * "已被他人修改，请刷新" with a button that loads the current version into the form.
 */
export function UnitFormModal({
  unit,
  open,
  onClose,
  onSaved,
}: {
  /** null → create */
  unit: Unit | null;
  open: boolean;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, formErrors, setFormErrors, send } = useFormRequest(form);
  const [version, setVersion] = useState(unit?.version ?? 0);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(unit ? { name: unit.name, kind: unit.kind } : { kind: 'department' });
    setVersion(unit?.version ?? 0);
    setError(null);
    setFormErrors([]);
  }, [open, unit, form]);

  async function submit() {
    const values = form.getFieldsValue();
    setError(null);
    const checked = unit
      ? validateWith(updateUnitBody, { version, name: values.name, kind: values.kind }, form)
      : validateWith(
          createUnitBody,
          { name: values.name, kind: values.kind, regionCode: values.regionCode, parentId: values.parentId ?? null },
          form,
        );
    setFormErrors(checked.formErrors);
    if (!checked.data) return;
    await send(async () => {
      const saved = unit
        ? await updateUnit(unit.id, checked.data as Parameters<typeof updateUnit>[1])
        : await createUnit(checked.data as Parameters<typeof createUnit>[0]);
      forgetUnit(saved.id);
      message.success(unit ? t('units.saved') : t('units.created'));
      onSaved(saved);
    });
  }

  async function loadLatest() {
    if (!unit) return;
    try {
      const latest = await getUnit(unit.id);
      form.setFieldsValue({ name: latest.name, kind: latest.kind });
      setVersion(latest.version);
      setError(null);
      message.info(t('units.reloaded'));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <FormModal
      open={open}
      title={unit ? t('units.edit') : t('units.create')}
      onCancel={onClose}
      onOk={submit}
      busy={busy}
      error={error}
      formErrors={formErrors}
      onLoadLatest={unit ? loadLatest : undefined}
    >
      <Form form={form} layout="vertical" name="unit" onFinish={submit}>
        <Form.Item name="name" label={t('units.name')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} required>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
        </Form.Item>
        {!unit && (
          <>
            <Form.Item name="regionCode" label={t('units.region')} required>
              <RegionPicker />
            </Form.Item>
            <Form.Item name="parentId" label={t('units.parent')}>
              <UnitPicker />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
