import { useEffect, type ReactNode } from 'react';
import { App, Form } from 'antd';
import type { z } from 'zod';
import { FormModal } from './FormModal.tsx';
import { useFormRequest } from './useFormRequest.ts';
import { validateWith } from './zodForm.ts';

/**
 * A form dialog checked with a domain schema before sending: `toBody` turns the form's values into the request body,
 * the schema's messages land on the fields, the server's `validation_failed` answer too, any other failure is shown
 * in the server's words; on success `successText` is flashed and `onDone` gets the answer.
 */
export function SchemaFormDialog<S extends z.ZodType, V extends object, R>({
  open,
  title,
  schema,
  initialValues,
  toBody,
  send,
  successText,
  onClose,
  onDone,
  okText,
  width,
  children,
}: {
  open: boolean;
  title: ReactNode;
  schema: S;
  initialValues?: Partial<V>;
  toBody: (values: V) => unknown;
  send: (body: z.infer<S>) => Promise<R>;
  successText: string;
  onClose: () => void;
  onDone: (result: R) => void;
  okText?: string;
  width?: number;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const { busy, error, setError, formErrors, setFormErrors, send: run } = useFormRequest(form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues as Parameters<typeof form.setFieldsValue>[0]);
    setError(null);
    setFormErrors([]);
    // initialValues are read when the dialog opens.
  }, [open, form]);

  async function submit() {
    setError(null);
    const checked = validateWith(schema, toBody(form.getFieldsValue()), form);
    setFormErrors(checked.formErrors);
    const { data } = checked;
    if (!data) return;
    await run(async () => {
      const result = await send(data);
      message.success(successText);
      onDone(result);
    });
  }

  return (
    <FormModal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={submit}
      busy={busy}
      error={error}
      formErrors={formErrors}
      okText={okText}
      width={width}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {children}
      </Form>
    </FormModal>
  );
}
