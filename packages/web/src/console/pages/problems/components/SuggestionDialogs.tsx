import { Form, Input, Radio, Typography } from 'antd';
import { SUGGESTION_ANSWERS, suggestionAnswerBody, suggestionBody } from '@rectify/domain/schemas/follow-up';
import { SchemaFormDialog } from '../../../components/SchemaFormDialog.tsx';
import { useI18n } from '../../../i18n.tsx';
import { answerSuggestion, makeSuggestion, type Suggestion } from '../service.ts';

/** A member's suggestion (意见建议) on the problem. */
export function SuggestDialog({
  problemId,
  open,
  onClose,
  onDone,
}: {
  problemId: string;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <SchemaFormDialog
      open={open}
      title={t('followUp.suggest')}
      schema={suggestionBody}
      toBody={(v: { text?: string }) => ({ text: v.text })}
      send={(body) => makeSuggestion(problemId, body)}
      successText={t('followUp.suggested')}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="text" label={t('followUp.suggestText')} required>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={5000} showCount />
      </Form.Item>
    </SchemaFormDialog>
  );
}

interface AnswerValues {
  answer?: (typeof SUGGESTION_ANSWERS)[number];
  reason?: string;
}

/**
 * The lead unit's answer to a suggestion: adopted, partly adopted or not adopted — the last two with a reason
 * (the domain's `suggestionAnswerBody` says so, and its message lands on the reason field).
 */
export function AnswerDialog({
  suggestion,
  onClose,
  onDone,
}: {
  /** null → closed */
  suggestion: Suggestion | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  return (
    <SchemaFormDialog
      open={suggestion !== null}
      title={t('followUp.answerTitle')}
      schema={suggestionAnswerBody}
      toBody={(v: AnswerValues) => ({
        version: suggestion?.version,
        answer: v.answer,
        ...(v.reason?.trim() ? { reason: v.reason } : {}),
      })}
      send={(body) => answerSuggestion(suggestion!.id, body)}
      successText={t('followUp.answered')}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph type="secondary" data-testid="answer-suggestion-text">
        {suggestion?.text}
      </Typography.Paragraph>
      <Form.Item name="answer" label={t('followUp.answerChoice')} required>
        <Radio.Group
          options={SUGGESTION_ANSWERS.map((a) => ({ value: a, label: t(`problem.suggestion.answer.${a}`) }))}
        />
      </Form.Item>
      <Form.Item name="reason" label={t('followUp.answerReason')} extra={t('followUp.answerReasonHint')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
      </Form.Item>
    </SchemaFormDialog>
  );
}
