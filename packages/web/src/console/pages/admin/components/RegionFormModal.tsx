import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { regionPrefix } from '@rectify/domain/regions';
import { createRegionBody, updateRegionBody } from '@rectify/domain/schemas/org';
import { FormModal } from '../../../components/FormModal.tsx';
import { useFormRequest } from '../../../components/useFormRequest.ts';
import { validateWith } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { CHILD_LEVEL, childCodeProblem, timeZoneChoices } from '../lib/regionForm.ts';
import { createRegion, updateRegion, type AdminRegion, type CreateRegion, type UpdateRegion } from '../service.ts';

interface Values {
  code?: string;
  name?: string;
  population?: number | null;
  timeZone?: string;
}

/**
 * Edit a region (name, population, time zone) or add a child under `parent` (its code must extend the parent's);
 * the server's message is shown on a 4xx.
 */
/** Only what the form changed: a value the list did not send (population, time zone) is never overwritten. */
function changedFields(region: AdminRegion, v: Values): UpdateRegion {
  const changes: UpdateRegion = {};
  if (v.name?.trim() !== region.name) changes.name = v.name!.trim();
  if ((v.population ?? null) !== (region.population ?? null)) changes.population = v.population ?? null;
  if (v.timeZone && v.timeZone !== region.timeZone) changes.timeZone = v.timeZone;
  return changes;
}

export function RegionFormModal({
  mode,
  region,
  open,
  onClose,
  onSaved,
}: {
  /** edit `region`, or add a child under it */
  mode: 'edit' | 'child';
  region: AdminRegion;
  open: boolean;
  onClose: () => void;
  onSaved: (region: AdminRegion) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, formErrors, setFormErrors, send } = useFormRequest(form);
  const childLevel = CHILD_LEVEL[region.level];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      mode === 'edit'
        ? { name: region.name, population: region.population ?? null, timeZone: region.timeZone }
        : { timeZone: region.timeZone ?? 'Asia/Shanghai' },
    );
    setError(null);
    setFormErrors([]);
  }, [open, mode, region, form]);

  async function submit() {
    const v = form.getFieldsValue();
    setError(null);
    // The domain's schemas (the server's), then the parent-extension rule the server applies as a 422.
    const checked =
      mode === 'edit'
        ? validateWith(updateRegionBody, changedFields(region, v), form)
        : validateWith(
            createRegionBody,
            {
              code: v.code?.trim(),
              name: v.name,
              level: childLevel,
              parentCode: region.code,
              ...(v.population !== null && v.population !== undefined ? { population: v.population } : {}),
              ...(v.timeZone ? { timeZone: v.timeZone } : {}),
            },
            form,
          );
    setFormErrors(checked.formErrors);
    if (!checked.data) return;
    if (mode === 'child' && childLevel) {
      const problem = childCodeProblem(v.code?.trim() ?? '', region.code, childLevel);
      if (problem) {
        const level = t(`regions.level.${childLevel}`);
        form.setFields([{ name: 'code', errors: [t(problem.key, { ...problem.params, level })] }]);
        return;
      }
    }
    await send(async () => {
      const saved =
        mode === 'edit'
          ? await updateRegion(region.code, checked.data as UpdateRegion)
          : await createRegion(checked.data as CreateRegion);
      message.success(mode === 'edit' ? t('regions.saved') : t('regions.created'));
      onSaved(saved);
    });
  }

  return (
    <FormModal
      open={open}
      title={mode === 'edit' ? t('regions.edit') : `${t('regions.addChild')} · ${region.name}`}
      onCancel={onClose}
      onOk={submit}
      busy={busy}
      error={error}
      formErrors={formErrors}
    >
      <Form form={form} layout="vertical" name="region" onFinish={submit}>
        {mode === 'child' && childLevel ? (
          <Form.Item
            name="code"
            label={t('regions.code')}
            required
            extra={t('regions.codeHint', {
              prefix: regionPrefix(region.code),
              digits: childLevel === 'town' ? 9 : 6,
            })}
          >
            <Input maxLength={9} inputMode="numeric" />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={t('regions.name')} required>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="population" label={t('regions.population')}>
          <InputNumber<number> min={0} precision={0} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="timeZone" label={t('regions.timeZone')}>
          <Select showSearch options={timeZoneChoices().map((z) => ({ value: z, label: z }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
