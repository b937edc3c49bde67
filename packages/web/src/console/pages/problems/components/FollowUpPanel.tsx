import { useState } from 'react';
import { Button, Space } from 'antd';
import { useI18n } from '../../../i18n.tsx';
import { useSignedIn } from '../../../session.tsx';
import { followUpRights } from '../lib/followUpAccess.ts';
import type { ProblemDetail, Suggestion } from '../service.ts';
import { LinkedClues, Mechanisms, Suggestions } from './FollowUpLists.tsx';
import { CaseDialog, MechanismDialog, PolicyItemDialog, type OutputKind } from './OutputDialogs.tsx';
import { AnswerDialog, SuggestDialog } from './SuggestionDialogs.tsx';

/**
 * The follow-up tab: linked clues, mechanisms and suggestions, with the buttons the user may use — make or answer
 * a suggestion, register a mechanism, turn the problem into a typical case, raise a policy item. Each step adds an
 * event, so `onChanged` reloads the timeline.
 */
export function FollowUpPanel({ problem, onChanged }: { problem: ProblemDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const rights = followUpRights(me, problem);
  const [dialog, setDialog] = useState<OutputKind | 'suggest' | null>(null);
  const [answering, setAnswering] = useState<Suggestion | null>(null);
  const [refresh, setRefresh] = useState(0);

  const done = () => {
    setDialog(null);
    setAnswering(null);
    setRefresh((n) => n + 1);
    onChanged();
  };
  const close = () => setDialog(null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <LinkedClues problemId={problem.id} />
      <Mechanisms
        problemId={problem.id}
        refresh={refresh}
        actions={
          <Space wrap>
            {rights.mechanism ? (
              <Button size="small" onClick={() => setDialog('mechanism')}>
                {t('followUp.mechanism.add')}
              </Button>
            ) : null}
            {rights.typicalCase ? (
              <Button size="small" onClick={() => setDialog('case')}>
                {t('followUp.case.add')}
              </Button>
            ) : null}
            {rights.policyItem ? (
              <Button size="small" onClick={() => setDialog('policy')}>
                {t('followUp.policy.add')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Suggestions
        problemId={problem.id}
        refresh={refresh}
        onAnswer={rights.answer ? setAnswering : undefined}
        actions={
          rights.suggest ? (
            <Button size="small" onClick={() => setDialog('suggest')}>
              {t('followUp.suggest')}
            </Button>
          ) : null
        }
      />
      <SuggestDialog problemId={problem.id} open={dialog === 'suggest'} onClose={close} onDone={done} />
      <AnswerDialog suggestion={answering} onClose={() => setAnswering(null)} onDone={done} />
      <MechanismDialog
        problem={problem}
        asUnit={rights.mechanismAsUnit}
        open={dialog === 'mechanism'}
        onClose={close}
        onDone={done}
      />
      <CaseDialog problem={problem} open={dialog === 'case'} onClose={close} onDone={done} />
      <PolicyItemDialog problem={problem} open={dialog === 'policy'} onClose={close} onDone={done} />
    </Space>
  );
}
