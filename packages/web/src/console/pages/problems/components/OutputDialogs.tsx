import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { caseBody, MECHANISM_KINDS, mechanismBody, policyItemBody } from '@rectify/domain/schemas/follow-up';
import { SchemaFormDialog } from '../../../components/SchemaFormDialog.tsx';
import { useI18n } from '../../../i18n.tsx';
import { createCase, proposePolicyItem, recordMechanism, type ProblemDetail } from '../service.ts';

export type OutputKind = 'mechanism' | 'case' | 'policy';

interface Props {
  problem: ProblemDetail;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

interface MechanismValues {
  kind?: (typeof MECHANISM_KINDS)[number];
  title?: string;
  documentNo?: string;
  summary?: string;
  issuedOn?: Dayjs | null;
}

const optional = (s: string | undefined) => (s?.trim() ? s : undefined);

/**
 * Registers a long-term mechanism (长效机制) linked to this problem, in the problem's region; a unit user records it
 * as the lead unit's.
 */
export function MechanismDialog({ problem, open, onClose, onDone, asUnit }: Props & { asUnit: boolean }) {
  const { t } = useI18n();
  return (
    <SchemaFormDialog
      open={open}
      width={640}
      title={t('followUp.mechanism.add')}
      schema={mechanismBody}
      initialValues={{ kind: 'procedure' }}
      toBody={(v: MechanismValues) => ({
        kind: v.kind,
        title: v.title,
        documentNo: optional(v.documentNo),
        summary: v.summary,
        issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : undefined,
        regionCode: problem.regionCode,
        ...(asUnit && problem.leadUnitId ? { unitId: problem.leadUnitId } : {}),
        problemIds: [problem.id],
      })}
      send={recordMechanism}
      successText={t('followUp.mechanism.saved')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="kind" label={t('followUp.mechanism.kind')} required>
        <Select options={MECHANISM_KINDS.map((k) => ({ value: k, label: t(`problem.mechanism.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="title" label={t('followUp.mechanism.title')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="documentNo" label={t('followUp.mechanism.documentNo')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="issuedOn" label={t('followUp.mechanism.issuedOn')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="summary" label={t('followUp.mechanism.summary')} required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
    </SchemaFormDialog>
  );
}

/** A typical case (典型案例) from this closed problem. */
export function CaseDialog({ problem, open, onClose, onDone }: Props) {
  const { t } = useI18n();
  return (
    <SchemaFormDialog
      open={open}
      width={640}
      title={t('followUp.case.add')}
      schema={caseBody}
      initialValues={{ title: problem.title }}
      toBody={(v: { title?: string; summary?: string; lessons?: string }) => ({ problemId: problem.id, ...v })}
      send={createCase}
      successText={t('followUp.case.saved')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="title" label={t('followUp.case.title')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label={t('followUp.case.summary')} required>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={20_000} />
      </Form.Item>
      <Form.Item name="lessons" label={t('followUp.case.lessons')} required>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={10_000} />
      </Form.Item>
    </SchemaFormDialog>
  );
}

/** An item for the policy-optimisation list (政策优化清单) raised from this problem. */
export function PolicyItemDialog({ problem, open, onClose, onDone }: Props) {
  const { t } = useI18n();
  return (
    <SchemaFormDialog
      open={open}
      width={640}
      title={t('followUp.policy.add')}
      schema={policyItemBody}
      toBody={(v: { title?: string; proposal?: string }) => ({ problemId: problem.id, ...v })}
      send={proposePolicyItem}
      successText={t('followUp.policy.saved')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="title" label={t('followUp.policy.title')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="proposal" label={t('followUp.policy.proposal')} required>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={10_000} />
      </Form.Item>
    </SchemaFormDialog>
  );
}
