import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { regionPrefix } from '@rectify/domain/regions';
import { FormModal } from '../../../components/FormModal.tsx';
import { applyServerErrors } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { CHILD_LEVEL, childCodeProblem, isTimeZone, timeZoneChoices } from '../lib/regionForm.ts';
import { createRegion, updateRegion, type AdminRegion } from '../service.ts';

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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const childLevel = CHILD_LEVEL[region.level];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      mode === 'edit'
        ? { name: region.name, population: region.population ?? null, timeZone: region.timeZone ?? 'Asia/Shanghai' }
        : { timeZone: region.timeZone ?? 'Asia/Shanghai' },
    );
    setError(null);
  }, [open, mode, region, form]);

  /** Field messages of the values, in the form's words; empty when they may be sent. */
  function check(v: Values): { name: keyof Values; errors: string[] }[] {
    const issues: { name: keyof Values; errors: string[] }[] = [];
    if (!v.name?.trim()) issues.push({ name: 'name', errors: [t('regions.nameRequired')] });
    if (v.population !== null && v.population !== undefined && !(Number.isInteger(v.population) && v.population >= 0))
      issues.push({ name: 'population', errors: [t('regions.populationInvalid')] });
    if (v.timeZone && !isTimeZone(v.timeZone))
      issues.push({ name: 'timeZone', errors: [t('regions.timeZoneInvalid')] });
    if (mode === 'child' && childLevel) {
      const problem = childCodeProblem(v.code?.trim() ?? '', region.code, childLevel);
      if (problem)
        issues.push({
          name: 'code',
          errors: [t(problem.key, { ...problem.params, level: t(`regions.level.${childLevel}`) })],
        });
    }
    return issues;
  }

  async function submit() {
    const v = form.getFieldsValue();
    setError(null);
    const issues = check(v);
    form.setFields(issues);
    if (issues.length > 0) return;
    setBusy(true);
    try {
      const saved =
        mode === 'edit'
          ? await updateRegion(region.code, {
              name: v.name!.trim(),
              population: v.population ?? null,
              timeZone: v.timeZone,
            })
          : await createRegion({
              code: v.code!.trim(),
              name: v.name!.trim(),
              level: childLevel!,
              parentCode: region.code,
              ...(v.population !== null && v.population !== undefined ? { population: v.population } : {}),
              ...(v.timeZone ? { timeZone: v.timeZone } : {}),
            });
      message.success(mode === 'edit' ? t('regions.saved') : t('regions.created'));
      onSaved(saved);
    } catch (err) {
      if (!applyServerErrors(err, form)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormModal
      open={open}
      title={mode === 'edit' ? t('regions.edit') : `${t('regions.addChild')} · ${region.name}`}
      onCancel={onClose}
      onOk={submit}
      busy={busy}
      error={error}
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
