import { useEffect, useState } from 'react';
import { Card, Skeleton, Space, Tabs } from 'antd';
import { useParams } from 'react-router';
import type { ProblemCommandType } from '@rectify/domain/problem/commands';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { useI18n } from '../../i18n.tsx';
import { useSignedIn } from '../../session.tsx';
import { unitById } from '../../services/org.ts';
import { ActionBar } from './components/ActionBar.tsx';
import { CommandDialog } from './components/CommandDialog.tsx';
import { FollowUpPanel } from './components/FollowUpPanel.tsx';
import { PlanPanel } from './components/PlanPanel.tsx';
import { PublicationCard } from './components/PublicationCard.tsx';
import { ProblemHeader } from './components/ProblemHeader.tsx';
import { ProblemTimeline } from './components/ProblemTimeline.tsx';
import { RecordTabs } from './components/RecordTabs.tsx';
import { unitIdsOfEvents } from './lib/eventSentence.ts';
import { currentPublication, getCampaign, getPlans, getProblem, getProblemEvents, getProofs } from './service.ts';

/**
 * One problem (问题详情): who is responsible and how late it is, what the server allows the user to do now, the
 * whole history with its ledger proofs checked in the browser, the plan and its versions, and every record.
 */
export default function ProblemPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { access } = useSignedIn();
  const [command, setCommand] = useState<ProblemCommandType | null>(null);

  const problem = useRequest(() => getProblem(id), [id]);
  const events = useRequest(() => getProblemEvents(id), [id]);
  const proofs = useRequest(() => getProofs(id), [id]);
  const plans = useRequest(() => getPlans(id), [id]);
  const campaignId = problem.data?.campaignId ?? null;
  const campaign = useRequest(() => (campaignId ? getCampaign(campaignId) : Promise.resolve(null)), [campaignId]);
  const units = useUnitNames(events.data ? unitIdsOfEvents(events.data.items) : []);

  const reloadAll = () => {
    problem.reload();
    events.reload();
    proofs.reload();
    plans.reload();
  };

  if (problem.error && !problem.data) return <ErrorAlert error={problem.error} onRetry={problem.reload} />;
  if (!problem.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const p = problem.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="problem-page">
      <Card size="small">
        <ProblemHeader problem={p} campaignTitle={campaign.data?.title ?? null} />
      </Card>
      <Card size="small" title={t('problem.section.actions')}>
        <ActionBar actions={p.allowedActions} onAction={setCommand} />
      </Card>
      {access.problemPublish && events.data ? (
        <Card size="small" title={t('followUp.publication.title')}>
          <PublicationCard
            problemId={p.id}
            state={p.state}
            current={currentPublication(events.data.items)}
            onSaved={events.reload}
          />
        </Card>
      ) : null}
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'timeline',
              label: t('problem.section.timeline'),
              children: events.error ? (
                <ErrorAlert error={events.error} onRetry={events.reload} />
              ) : !events.data ? (
                <Skeleton active />
              ) : (
                <>
                  {proofs.error ? <ErrorAlert error={proofs.error} onRetry={proofs.reload} /> : null}
                  <ProblemTimeline
                    events={events.data.items}
                    files={events.data.files}
                    proofs={proofs.data ?? null}
                    units={units}
                  />
                </>
              ),
            },
            {
              key: 'plan',
              label: t('problem.section.plan'),
              children: plans.error ? (
                <ErrorAlert error={plans.error} onRetry={plans.reload} />
              ) : !plans.data ? (
                <Skeleton active />
              ) : (
                <PlanPanel versions={plans.data} />
              ),
            },
            {
              key: 'records',
              label: t('problem.section.records'),
              children: events.data ? (
                <RecordTabs events={events.data.items} files={events.data.files} units={units} />
              ) : (
                <Skeleton active />
              ),
            },
            {
              key: 'follow-up',
              label: `${t('problem.section.clues')} · ${t('problem.section.mechanisms')} · ${t('problem.section.suggestions')}`,
              children: <FollowUpPanel problem={p} onChanged={events.reload} />,
            },
          ]}
        />
      </Card>
      <CommandDialog
        command={command}
        problem={p}
        onClose={() => setCommand(null)}
        onDone={() => {
          setCommand(null);
          reloadAll();
        }}
        onReload={problem.reload}
      />
    </Space>
  );
}

/** Names of the units the events mention, loaded once each through the shared unit cache. */
function useUnitNames(ids: string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...ids].sort().join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(wanted.map(async (id) => [id, (await unitById(id))?.name] as const)).then(
      (pairs) => live && setNames(new Map(pairs.filter((p): p is [string, string] => !!p[1]))),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}
