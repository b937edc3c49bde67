import { useState } from 'react';
import { Button, Checkbox, Form, Input, List, Modal, Space, Tooltip, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { PROBLEM_COMMAND_PAYLOADS } from '@rectify/domain/problem/commands';
import type { MeView } from '@rectify/domain/schemas/auth';
import { errorMessage } from '../../../components/errors.ts';
import { validateWith } from '../../../components/zodForm.ts';
import { useI18n } from '../../../i18n.tsx';
import { bulkCommandsFor, rowsAllow, runPerRow, type BulkCommand, type RowOutcome } from '../bulk.ts';
import { fireCommand, setPublication, type Problem } from '../service.ts';

type Pending = { kind: 'command'; command: BulkCommand } | { kind: 'publish' } | { kind: 'unpublish' };
type PublishPart = 'measures' | 'progress' | 'result';
const PUBLISH_PARTS: PublishPart[] = ['measures', 'progress', 'result'];

/**
 * Actions on the selected rows: publication (staff) and the escalation commands the user's roles may fire. Each row
 * is sent on its own, a command with the version the list read, and every row's outcome is listed afterwards in the
 * server's words (a row changed meanwhile answers 已被他人修改).
 */
export function BulkActions({
  rows,
  me,
  canPublish,
  onDone,
}: {
  rows: Problem[];
  me: MeView;
  canPublish: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [pending, setPending] = useState<Pending | null>(null);
  const [running, setRunning] = useState(false);
  const [outcomes, setOutcomes] = useState<RowOutcome[] | null>(null);
  const [noteForm] = Form.useForm<{ note: string }>();
  const [parts, setParts] = useState<PublishPart[]>(PUBLISH_PARTS);
  const commands = bulkCommandsFor(me);
  if (!canPublish && commands.length === 0) return null;

  const run = async (act: (row: Problem) => Promise<unknown>) => {
    setRunning(true);
    const result = await runPerRow(rows, act, (err) => errorMessage(err, t));
    setRunning(false);
    setPending(null);
    setOutcomes(result);
    onDone();
  };

  const confirm = async () => {
    if (!pending) return;
    if (pending.kind === 'command') {
      const { data } = validateWith(PROBLEM_COMMAND_PAYLOADS[pending.command], noteForm.getFieldsValue(), noteForm);
      if (!data) return;
      await run((row) => fireCommand(row.id, pending.command, row.version, data));
    } else if (pending.kind === 'publish') {
      const shown = (p: PublishPart) => parts.includes(p);
      await run((row) =>
        setPublication(row.id, {
          published: true,
          measures: shown('measures'),
          progress: shown('progress'),
          result: shown('result'),
        }),
      );
    } else {
      await run((row) => setPublication(row.id, { published: false, measures: false, progress: false, result: false }));
    }
  };

  const none = rows.length === 0;
  const failed = outcomes?.filter((o) => !o.ok).length ?? 0;
  return (
    <Space wrap data-testid="bulk-actions">
      <Typography.Text type="secondary">{t('lists.selected', { count: rows.length })}</Typography.Text>
      {canPublish ? (
        <>
          <Button disabled={none} onClick={() => setPending({ kind: 'publish' })}>
            {t('lists.bulk.publish')}
          </Button>
          <Button disabled={none} onClick={() => setPending({ kind: 'unpublish' })}>
            {t('lists.bulk.unpublish')}
          </Button>
        </>
      ) : null}
      {commands.map((command) => {
        const allowed = rowsAllow(command, rows);
        const button = (
          <Button key={command} disabled={!allowed} onClick={() => setPending({ kind: 'command', command })}>
            {t(`lists.bulk.${command}`)}
          </Button>
        );
        return allowed || none ? (
          button
        ) : (
          <Tooltip key={command} title={t('lists.bulk.stateMismatch')}>
            <span>{button}</span>
          </Tooltip>
        );
      })}
      <Modal
        open={pending !== null}
        title={
          pending
            ? `${t(pending.kind === 'command' ? `lists.bulk.${pending.command}` : `lists.bulk.${pending.kind}`)} · ${t('lists.selected', { count: rows.length })}`
            : ''
        }
        onOk={confirm}
        onCancel={() => setPending(null)}
        okText={t('lists.bulk.run')}
        cancelText={t('action.cancel')}
        confirmLoading={running}
        destroyOnHidden
      >
        {pending?.kind === 'command' ? (
          <Form form={noteForm} layout="vertical" name="bulk-note">
            <Form.Item name="note" label={t('lists.bulk.note')} required>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
          </Form>
        ) : null}
        {pending?.kind === 'publish' ? (
          <Form layout="vertical">
            <Form.Item label={t('lists.bulk.publishWhat')}>
              <Checkbox.Group<PublishPart>
                value={parts}
                onChange={setParts}
                options={PUBLISH_PARTS.map((p) => ({ value: p, label: t(`lists.publish.${p}`) }))}
              />
            </Form.Item>
          </Form>
        ) : null}
        {pending?.kind === 'unpublish' ? t('lists.bulk.confirmUnpublish', { count: rows.length }) : null}
      </Modal>
      <Modal
        open={outcomes !== null}
        title={t('lists.bulk.resultTitle', { ok: (outcomes?.length ?? 0) - failed, failed })}
        onOk={() => setOutcomes(null)}
        onCancel={() => setOutcomes(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('action.close')}
      >
        <List
          size="small"
          data-testid="bulk-outcomes"
          dataSource={outcomes ?? []}
          renderItem={(o) => (
            <List.Item>
              <Space align="start">
                {o.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                <span>
                  {o.title}
                  <Typography.Text type={o.ok ? 'success' : 'danger'} style={{ display: 'block', fontSize: 12 }}>
                    {o.ok ? t('lists.bulk.ok') : o.message}
                  </Typography.Text>
                </span>
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </Space>
  );
}
