import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { MessageKey } from '../../../../locales/zh-CN/index.ts';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
import { useI18n } from '../../../i18n.tsx';
import type { FieldSpec } from '../lib/commandFields.ts';
import { CoUnitsPicker } from '../../../components/CoUnitsPicker.tsx';
import { EvidenceUpload } from '../../../components/evidence/EvidenceUpload.tsx';

/** Dates are calendar days (`YYYY-MM-DD`) in the form values, as the schemas want them; the picker shows dayjs. */
const dateProps = {
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined),
  getValueProps: (v: string | undefined) => ({ value: v ? dayjs(v) : undefined }),
};

function DateInput(props: { id?: string }) {
  return <DatePicker {...props} style={{ width: '100%' }} />;
}

/** The inputs of one command's form, from its field set (lib/commandFields.ts). */
export function CommandFields({ fields }: { fields: readonly FieldSpec[] }) {
  return (
    <>
      {fields.map((f) => (
        <Field key={f.name} field={f} />
      ))}
    </>
  );
}

function Field({ field: f }: { field: FieldSpec }) {
  const { t } = useI18n();
  const common = { name: f.name, label: t(f.label), required: f.required ?? false };
  switch (f.kind) {
    case 'text':
      return (
        <Form.Item {...common}>
          <Input maxLength={50} />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item {...common}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item {...common} {...dateProps}>
          <DateInput />
        </Form.Item>
      );
    case 'money':
      return (
        <Form.Item {...common}>
          <InputNumber min={0} step={1000} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'percent':
      return (
        <Form.Item {...common}>
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'unit':
      return (
        <Form.Item {...common}>
          <UnitPicker />
        </Form.Item>
      );
    case 'units':
      return (
        <Form.Item {...common}>
          <CoUnitsPicker />
        </Form.Item>
      );
    case 'evidence':
      return (
        <Form.Item {...common}>
          <EvidenceUpload camera={f.camera ?? false} />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item {...common}>
          <Radio.Group options={f.options.map((o) => ({ value: o.value, label: t(o.label) }))} />
        </Form.Item>
      );
    case 'measures':
      return (
        <RowsField
          name={f.name}
          label={f.label}
          add="problem.form.addMeasure"
          blank={{ text: '', owner: '', due: undefined }}
          columns={[
            { name: 'text', label: 'problem.form.measureText', span: 11, input: <Input.TextArea autoSize /> },
            { name: 'owner', label: 'problem.form.measureOwner', span: 5, input: <Input maxLength={50} /> },
            { name: 'due', label: 'problem.form.measureDue', span: 6, input: <DateInput />, date: true },
          ]}
        />
      );
    case 'milestones':
      return (
        <RowsField
          name={f.name}
          label={f.label}
          add="problem.form.addMilestone"
          blank={{ text: '', due: undefined }}
          columns={[
            { name: 'text', label: 'problem.form.milestoneText', span: 15, input: <Input /> },
            { name: 'due', label: 'problem.form.milestoneDue', span: 7, input: <DateInput />, date: true },
          ]}
        />
      );
    case 'checklist':
      return (
        <RowsField
          name={f.name}
          label={f.label}
          add="problem.form.addChecklistItem"
          blank={{ item: '', ok: true }}
          columns={[
            { name: 'item', label: 'problem.form.checklistItem', span: 16, input: <Input maxLength={200} /> },
            {
              name: 'ok',
              label: 'problem.form.checklistOk',
              span: 6,
              input: <Checkbox>{t('problem.form.checklistOk')}</Checkbox>,
              checkbox: true,
            },
          ]}
        />
      );
  }
}

interface RowColumn {
  name: string;
  label: MessageKey;
  /** Width out of 22 on wide screens (2 left for the remove button); full width on phones. */
  span: number;
  input: React.ReactNode;
  date?: boolean;
  checkbox?: boolean;
}

/** An editable list of rows (measures, milestones, checklist items): add, remove, errors per cell and per list. */
function RowsField({
  name,
  label,
  add,
  blank,
  columns,
}: {
  name: string;
  label: MessageKey;
  add: MessageKey;
  blank: Record<string, unknown>;
  columns: RowColumn[];
}) {
  const { t } = useI18n();
  return (
    <Form.Item label={t(label)} required>
      <Form.List name={name}>
        {(rows, { add: addRow, remove }, { errors }) => (
          <div data-testid={`rows-${name}`}>
            {rows.map((row, i) => (
              <Row key={row.key} gutter={8} align="top" style={{ borderBottom: '1px dashed #f0f0f0', marginBottom: 8 }}>
                {columns.map((c) => (
                  <Col key={c.name} xs={24} md={c.span}>
                    <Form.Item
                      name={[row.name, c.name]}
                      label={t(c.label)}
                      style={{ marginBottom: 8 }}
                      {...(c.date ? dateProps : {})}
                      {...(c.checkbox ? { valuePropName: 'checked' } : {})}
                    >
                      {c.input}
                    </Form.Item>
                  </Col>
                ))}
                <Col xs={24} md={2} style={{ paddingTop: 30 }}>
                  <Button
                    aria-label={`${t('problem.form.remove')} ${i + 1}`}
                    icon={<DeleteOutlined />}
                    onClick={() => remove(row.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => addRow({ ...blank })} block>
              {t(add)}
            </Button>
            <Form.ErrorList errors={errors} />
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}
