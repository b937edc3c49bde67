import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { CLUE_COMMAND_PAYLOADS, type ClueCommandType } from '@rectify/domain/clue/commands';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { ApiError } from '../../../../api.ts';
import { errorMessage } from '../../../components/errors.ts';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
import { applyServerErrors, validateWith } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { fireClueCommand, type ClueDetail, type ClueSettings } from '../service.ts';
import { percent } from '../suggestion.ts';

/** A 409: the clue changed since it was read (stale version) or is no longer in a state for this command. */
const isConflict = (err: unknown) => err instanceof ApiError && err.status === 409;

type FormCommand = Exclude<ClueCommandType, 'rate'>;
type Values = Record<string, unknown> & { mode?: 'create' | 'link' };

/**
 * The form values as the command's payload: cleared fields are left out (the schemas mark them optional, not
 * nullable), and the accept form's mode radio becomes the either/or of the schema.
 */
function payloadOf(command: FormCommand, values: Values): unknown {
  const v = Object.fromEntries(Object.entries(values).filter(([, x]) => x !== null && x !== undefined && x !== ''));
  if (command !== 'accept') return v;
  return v.mode === 'link' ? { problemId: v.problemId, createProblem: false } : { createProblem: true };
}

/**
 * One clue command: its fields, validated with the server's payload schema before sending; the server's refusal is
 * shown in its words, a stale version offers a reload.
 */
export function CommandModal({
  clue,
  command,
  settings,
  onClose,
  onDone,
  onReload,
}: {
  clue: ClueDetail;
  command: FormCommand;
  settings: ClueSettings | undefined;
  onClose: () => void;
  onDone: (clue: ClueDetail) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const mode = Form.useWatch('mode', form);
  const s = clue.suggestions;

  async function submit() {
    const values = form.getFieldsValue(true) as Values;
    const checked = validateWith(CLUE_COMMAND_PAYLOADS[command], payloadOf(command, values), form);
    setFormErrors(checked.formErrors);
    if (!checked.data) return;
    setBusy(true);
    try {
      const next = await fireClueCommand(clue.id, command, clue.version, checked.data);
      message.success(t('clues.command.done', { command: t(`clues.command.${command}`) }));
      onDone(next);
    } catch (err) {
      if (!applyServerErrors(err, form)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  const initial: Values =
    command === 'triage'
      ? { category: clue.category ?? s?.category ?? undefined, handlingUnitId: clue.handlingUnitId ?? undefined }
      : command === 'accept'
        ? { mode: 'create' }
        : command === 'merge'
          ? { intoClueId: s?.duplicates[0]?.id }
          : {};

  return (
    <Modal
      open
      title={t(`clues.command.${command}`)}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(`clues.command.${command}`)}
      okButtonProps={{ loading: busy, danger: command === 'reject', 'data-testid': 'command-submit' }}
      destroyOnHidden
    >
      {error ? (
        isConflict(error) ? (
          <Alert
            type="warning"
            showIcon
            title={errorMessage(error, t)}
            description={t('clues.stale')}
            action={
              <Button size="small" onClick={onReload}>
                {t('clues.reload')}
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        ) : (
          <ErrorAlert error={error} />
        )
      ) : null}
      {formErrors.length > 0 ? (
        <Alert type="error" showIcon title={formErrors.join('；')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={initial} name={`clue-${command}`} requiredMark={false}>
        {command === 'triage' ? (
          <>
            <Form.Item name="category" label={t('clues.form.category')}>
              <Select
                showSearch
                options={(settings?.categories ?? []).map((c) => ({ value: c.name, label: c.name }))}
              />
            </Form.Item>
            <Form.Item
              name="handlingUnitId"
              label={t('clues.form.handlingUnit')}
              extra={s?.unit ? t('clues.suggestion.unit', { unit: s.unit }) : undefined}
            >
              <UnitPicker />
            </Form.Item>
            <Form.Item name="note" label={t('clues.form.note')}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
          </>
        ) : null}
        {command === 'accept' ? (
          <>
            <Form.Item name="mode" label={t('clues.form.acceptMode')}>
              <Radio.Group
                options={[
                  { value: 'create', label: t('clues.form.createProblem') },
                  { value: 'link', label: t('clues.form.linkProblem') },
                ]}
              />
            </Form.Item>
            {mode === 'link' ? (
              <Form.Item name="problemId" label={t('clues.form.problemId')}>
                <Input maxLength={36} />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {command === 'merge' ? (
          <Form.Item name="intoClueId" label={t('clues.form.intoClue')} extra={t('clues.form.intoClueHint')}>
            <AutoComplete
              allowClear
              options={(s?.duplicates ?? []).map((d) => ({
                value: d.id,
                label: `${d.id} · ${t('clues.suggestion.similarity', { value: percent(d.similarity) })}`,
              }))}
            />
          </Form.Item>
        ) : null}
        {command === 'forward' ? (
          <>
            <Form.Item name="to" label={t('clues.form.forwardTo')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="note" label={t('clues.form.note')}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
          </>
        ) : null}
        {command === 'reject' ? (
          <Form.Item name="reason" label={t('clues.form.reason')}>
            <Select
              data-testid="reject-reason"
              options={(settings?.rejectReasons ?? []).map((r) => ({ value: r, label: r }))}
            />
          </Form.Item>
        ) : null}
        {command === 'reply' ? (
          <Form.Item name="text" label={t('clues.form.reply')}>
            <Input.TextArea maxLength={5000} rows={5} showCount />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
