import { useEffect, useState } from 'react';
import { Alert, App, Form } from 'antd';
import { PROBLEM_COMMAND_PAYLOADS, type ProblemCommandType } from '@rectify/domain/problem/commands';
import { ApiError } from '../../../../api.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { applyServerErrors, validateWith } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { COMMAND_FIELDS, fieldOfRefusal, initialValues, payloadOf } from '../lib/commandFields.ts';
import { fireCommand, type ProblemDetail } from '../service.ts';
import { CommandFields } from './CommandFields.tsx';

/** The server names payload fields `input/<field>`; the form's fields are the payload's own keys. */
function asFieldErrors(err: unknown): unknown {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return err;
  const details = (err.details as { path?: string; message?: string }[]).map((d) => ({
    ...d,
    path: (d.path ?? '').replace(/^input\/?/, ''),
  }));
  return new ApiError(err.status, err.code, err.message, details);
}

/**
 * One dialog for every lifecycle command: the field set of the command, checked with the command's own zod schema
 * before sending; the server's answer goes back onto the fields (400 with paths, 422 guard refusals), and a stale
 * version (409) offers to reload the problem and try again at the current version.
 */
export function CommandDialog({
  command,
  problem,
  onClose,
  onDone,
  onReload,
}: {
  command: ProblemCommandType | null;
  problem: ProblemDetail;
  onClose: () => void;
  onDone: (updated: ProblemDetail) => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [error, setError] = useState<unknown>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [reloaded, setReloaded] = useState(false);

  useEffect(() => {
    if (!command) return;
    form.resetFields();
    form.setFieldsValue(initialValues(command, problem, t));
    setError(null);
    setFormErrors([]);
    setReloaded(false);
    // Only a newly opened command starts a fresh form: a reload after a stale version keeps what was typed.
  }, [command, form]);

  if (!command) return null;
  const label = t(`problem.command.${command}`);

  async function submit() {
    if (!command) return;
    setError(null);
    setReloaded(false);
    const checked = validateWith(PROBLEM_COMMAND_PAYLOADS[command], payloadOf(form.getFieldsValue(true)), form);
    setFormErrors(checked.formErrors);
    if (!checked.data) return;
    setBusy(true);
    try {
      const updated = await fireCommand(problem.id, command, problem.version, checked.data);
      message.success(t('problem.command.done', { command: label }));
      onDone(updated);
    } catch (err) {
      if (applyServerErrors(asFieldErrors(err), form)) return;
      const field = err instanceof ApiError && err.status === 422 ? fieldOfRefusal(command, err.code) : null;
      if (field) form.setFields([{ name: field, errors: [(err as ApiError).message] }]);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormModal
      open
      title={label}
      onCancel={onClose}
      onOk={submit}
      okText={t('problem.command.submit')}
      busy={busy}
      error={error}
      formErrors={formErrors}
      width={720}
      onLoadLatest={() => {
        onReload();
        setError(null);
        setReloaded(true);
      }}
      notices={
        reloaded ? (
          <Alert type="info" showIcon title={t('problem.command.reloaded')} style={{ marginBottom: 16 }} />
        ) : null
      }
    >
      <Form form={form} layout="vertical" name={`command-${command}`} onFinish={submit}>
        <CommandFields fields={COMMAND_FIELDS[command]} />
      </Form>
    </FormModal>
  );
}
