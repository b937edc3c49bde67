import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Space, Switch } from 'antd';
import { publicationBody } from '@rectify/domain/schemas/follow-up';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useI18n } from '../../../i18n.tsx';
import { UNPUBLISHABLE_STATES } from '../lib/followUpAccess.ts';
import { setPublication, type Publication } from '../../lists/service.ts';

const PARTS = ['measures', 'progress', 'result'] as const;

/**
 * What the public portal shows of this problem (staff with `problem.publish`): the problem itself and, each on its
 * own, its measures, progress and result. Drafts and rejected problems cannot be published.
 */
export function PublicationCard({
  problemId,
  state,
  current,
  onSaved,
}: {
  problemId: string;
  state: string;
  /** The settings in force (from the last publication event). */
  current: Publication;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [value, setValue] = useState<Publication>(current);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(current);
  // A new reading of the events (after a save or a reload) resets the switches to what is in force.
  useEffect(() => setValue(current), [key]);

  const blocked = UNPUBLISHABLE_STATES.includes(state);
  const changed = JSON.stringify(value) !== key;

  async function save() {
    setError(null);
    setBusy(true);
    try {
      await setPublication(problemId, publicationBody.parse(value));
      message.success(t('followUp.publication.saved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" data-testid="publication">
      {error ? <ErrorAlert error={error} /> : null}
      <Space>
        <Switch
          aria-label={t('followUp.publication.published')}
          checked={value.published}
          disabled={blocked && !value.published}
          onChange={(published) => setValue({ ...value, published })}
        />
        {t('followUp.publication.published')}
      </Space>
      <Space wrap>
        {PARTS.map((part) => (
          <Checkbox
            key={part}
            checked={value[part]}
            disabled={!value.published}
            onChange={(e) => setValue({ ...value, [part]: e.target.checked })}
          >
            {t(`followUp.publication.${part}`)}
          </Checkbox>
        ))}
      </Space>
      <Button type="primary" disabled={!changed} loading={busy} onClick={save} data-testid="publication-save">
        {t('action.save')}
      </Button>
    </Space>
  );
}
