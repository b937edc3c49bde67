import { useState } from 'react';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  List,
  Popconfirm,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../i18n/datetime.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { errorMessage } from '../../../components/errors.ts';
import { JsonCell } from '../../../components/JsonCell.tsx';
import { RegionName, UnitName } from '../../../components/Names.tsx';
import { useRequest } from '../../../../lib/useRequest.ts';
import { useI18n } from '../../../i18n.tsx';
import { useSignedIn } from '../../../session.tsx';
import {
  getClue,
  getClueEvents,
  moderateClue,
  revealContact,
  type ClueContact,
  type ClueDetail,
  type ClueSettings,
} from '../service.ts';
import { percent } from '../suggestion.ts';
import { CommandModal } from './CommandModal.tsx';
import { SuggestionTag } from './SuggestionTag.tsx';

type FormCommand = Exclude<ClueDetail['allowedActions'][number], 'rate'>;

export const STATE_COLOURS: Record<ClueDetail['state'], string> = {
  received: 'blue',
  triaged: 'cyan',
  accepted: 'green',
  merged: 'default',
  forwarded: 'purple',
  rejected: 'red',
  replied: 'geekblue',
  rated: 'gold',
};

/**
 * One clue: the full text (masked as the API returns it), the analytics suggestions, exactly the actions the server
 * allows the caller, moderation of a held clue, the audited contact reveal, and the clue's event history.
 */
export function ClueDrawer({
  id,
  settings,
  onClose,
  onOpen,
  onChanged,
}: {
  id: string;
  settings: ClueSettings | undefined;
  onClose: () => void;
  onOpen: (id: string) => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const clue = useRequest(() => getClue(id), [id]);
  const events = useRequest(
    () => (access.eventRead ? getClueEvents(id) : Promise.resolve({ items: [] })),
    [id, clue.data?.version, access.eventRead],
  );
  const [command, setCommand] = useState<FormCommand | null>(null);
  const [contact, setContact] = useState<ClueContact | null>(null);
  const [busy, setBusy] = useState(false);
  const c = clue.data;

  async function moderate(decision: 'release' | 'spam') {
    if (!c) return;
    setBusy(true);
    try {
      await moderateClue(c.id, c.version, decision);
      message.success(t('clues.moderate.done'));
      clue.reload();
      onChanged();
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }

  async function reveal() {
    if (!c) return;
    try {
      setContact(await revealContact(c.id));
    } catch (err) {
      message.error(errorMessage(err, t));
    }
  }

  const actions = (c?.allowedActions ?? []).filter((a): a is FormCommand => a !== 'rate');

  return (
    <Drawer
      open
      size="large"
      onClose={onClose}
      title={c ? t('clues.drawer.title', { code: c.trackingCode }) : t('state.loading')}
      data-testid="clue-drawer"
    >
      {clue.error ? <ErrorAlert error={clue.error} onRetry={clue.reload} /> : null}
      {!c ? (
        clue.loading ? (
          <Spin />
        ) : null
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={STATE_COLOURS[c.state]} data-testid="clue-state">
              {t(`clues.state.${c.state}`)}
            </Tag>
            {c.moderation !== 'ok' ? (
              <Tag color={c.moderation === 'held' ? 'orange' : 'red'}>{t(`clues.moderation.${c.moderation}`)}</Tag>
            ) : null}
            <Tag>{t(`clues.channel.${c.channel}`)}</Tag>
          </Space>
          <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>
            {c.title}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="clue-body">
            {c.body}
          </Typography.Paragraph>
          <Space wrap data-testid="clue-actions">
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'accept' ? 'primary' : 'default'}
                danger={a === 'reject'}
                onClick={() => setCommand(a)}
                data-testid={`action-${a}`}
              >
                {t(`clues.command.${a}`)}
              </Button>
            ))}
            {access.clueModerate && c.moderation === 'held' ? (
              <>
                <Button loading={busy} onClick={() => void moderate('release')}>
                  {t('clues.moderate.release')}
                </Button>
                <Button danger loading={busy} onClick={() => void moderate('spam')}>
                  {t('clues.moderate.spam')}
                </Button>
              </>
            ) : null}
            {actions.length === 0 && !(access.clueModerate && c.moderation === 'held') ? (
              <Typography.Text type="secondary">{t('clues.drawer.noActions')}</Typography.Text>
            ) : null}
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('clues.filter.region')}>
              <RegionName code={c.townCode ?? c.regionCode} />
            </Descriptions.Item>
            <Descriptions.Item label={t('clues.filter.category')}>{c.category ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('clues.col.receivedAt')}>{formatDateTime(c.receivedAt)}</Descriptions.Item>
            {c.address ? <Descriptions.Item label={t('clues.drawer.address')}>{c.address}</Descriptions.Item> : null}
            {c.attachments.length > 0 ? (
              <Descriptions.Item label={t('clues.drawer.attachments')}>
                {t('clues.drawer.attachmentCount', { count: c.attachments.length })}
              </Descriptions.Item>
            ) : null}
            {c.moderationReason ? (
              <Descriptions.Item label={t('clues.drawer.moderationReason')}>{c.moderationReason}</Descriptions.Item>
            ) : null}
            {c.handlingUnitId ? (
              <Descriptions.Item label={t('clues.drawer.handlingUnit')}>
                <UnitName id={c.handlingUnitId} />
              </Descriptions.Item>
            ) : null}
            {c.problemId ? (
              <Descriptions.Item label={t('clues.drawer.problem')}>
                <Link to={`/problems/${c.problemId}`} data-testid="clue-problem">
                  {c.problemId}
                </Link>
              </Descriptions.Item>
            ) : null}
            {c.mergedInto ? (
              <Descriptions.Item label={t('clues.drawer.mergedInto')}>
                <a onClick={() => onOpen(c.mergedInto!)}>{c.mergedInto}</a>
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('clues.drawer.firstReply')}>{formatDateTime(c.firstReplyAt)}</Descriptions.Item>
            {c.rating ? (
              <Descriptions.Item label={t('clues.drawer.rating')}>
                {c.rating}
                {c.ratingComment ? ` · ${c.ratingComment}` : ''}
              </Descriptions.Item>
            ) : null}
            {access.clueContactRead && !contact ? (
              <Descriptions.Item label={t('clues.contact.reveal')}>
                {c.anonymous ? (
                  t('clues.contact.anonymous')
                ) : c.hasContact ? (
                  <Popconfirm title={t('clues.contact.audited')} onConfirm={() => void reveal()}>
                    <Button size="small" data-testid="reveal-contact">
                      {t('clues.contact.reveal')}
                    </Button>
                  </Popconfirm>
                ) : (
                  t('clues.contact.none')
                )}
              </Descriptions.Item>
            ) : null}
            {contact ? (
              <Descriptions.Item label={t('clues.contact.reveal')}>
                <span data-testid="clue-contact">
                  {contact.contact
                    ? [
                        contact.contact.name && `${t('clues.contact.name')}：${contact.contact.name}`,
                        contact.contact.phone && `${t('clues.contact.phone')}：${contact.contact.phone}`,
                        contact.contact.email && `${t('clues.contact.email')}：${contact.contact.email}`,
                      ]
                        .filter(Boolean)
                        .join('　')
                    : t(contact.anonymous ? 'clues.contact.anonymous' : 'clues.contact.none')}
                </span>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <div data-testid="clue-suggestions">
            <Typography.Title level={4} style={{ fontSize: 15 }}>
              {t('clues.col.suggestion')}
            </Typography.Title>
            <SuggestionTag suggestions={c.suggestions} />
            {c.suggestions ? (
              <>
                {c.suggestions.unit ? <div>{t('clues.suggestion.unit', { unit: c.suggestions.unit })}</div> : null}
                {c.suggestions.duplicates.length > 0 ? (
                  <List
                    size="small"
                    header={t('clues.suggestion.duplicates')}
                    dataSource={c.suggestions.duplicates}
                    renderItem={(d) => (
                      <List.Item>
                        <a onClick={() => onOpen(d.id)}>{d.id}</a>
                        <span>{t('clues.suggestion.similarity', { value: percent(d.similarity) })}</span>
                      </List.Item>
                    )}
                  />
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('clues.suggestion.note', { model: c.suggestions.modelVersion })}
                </Typography.Text>
              </>
            ) : null}
          </div>
          {access.eventRead ? (
            <div data-testid="clue-history">
              <Typography.Title level={4} style={{ fontSize: 15 }}>
                {t('clues.drawer.history')}
              </Typography.Title>
              {events.error ? <ErrorAlert error={events.error} onRetry={events.reload} /> : null}
              {events.data && events.data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
              <Timeline
                items={(events.data?.items ?? []).map((e) => ({
                  key: e.id,
                  content: (
                    <>
                      <div>
                        {formatDateTime(e.at)} · {e.actorUsername ?? '—'} · <code>{e.type}</code>
                      </div>
                      <JsonCell value={e.payload} />
                    </>
                  ),
                }))}
              />
            </div>
          ) : null}
        </Space>
      )}
      {c && command ? (
        <CommandModal
          clue={c}
          command={command}
          settings={settings}
          onClose={() => setCommand(null)}
          onReload={() => {
            setCommand(null);
            clue.reload();
          }}
          onDone={() => {
            setCommand(null);
            clue.reload();
            onChanged();
          }}
        />
      ) : null}
    </Drawer>
  );
}
