import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ASSESSMENT_KPIS, type AssessmentKpi } from '@rectify/domain/kpi/assessment';
import { KPI_DEFINITIONS, KPI_NAMES, type KpiName } from '@rectify/domain/kpi/targets';
import type { RegionSettings, RoutingRule } from '@rectify/domain/settings/schemas';
import { UnitName } from '../../../components/Names.tsx';
import { UnitPicker } from '../../../components/UnitPicker.tsx';
import { useI18n } from '../../../i18n.tsx';
import { CoUnitsPicker } from '../../../components/CoUnitsPicker.tsx';
import { fromPercent, issuesUnder, restoreInheritance, shownValue, sourceOf, toPercent } from '../lib/settingsDraft.ts';
import type { SectionProps } from './sectionProps.ts';
import { SourceControls } from './SourceTag.tsx';

/** The messages of one field, next to it. */
function FieldIssues({ messages }: { messages: string[] }) {
  return (
    <>
      {messages.map((e) => (
        <Typography.Text key={e} type="danger">
          {e}
        </Typography.Text>
      ))}
    </>
  );
}

/** A card per setting key: its title, where its value comes from, 恢复继承, and its issues. */
export function SettingCard({
  title,
  testId,
  controls,
  errors,
  children,
}: {
  title: string;
  testId: string;
  controls?: React.ReactNode;
  errors: string[];
  children: React.ReactNode;
}) {
  return (
    <Card size="small" title={title} extra={controls} data-testid={testId}>
      {errors.map((e) => (
        <Alert key={e} type="error" role="alert" title={e} style={{ marginBottom: 8 }} />
      ))}
      {children}
    </Card>
  );
}

function keyControls({ ctx, draft, update, canEdit }: SectionProps, key: keyof RegionSettings, label: string) {
  return (
    <SourceControls
      source={sourceOf(ctx, draft, key)}
      canEdit={canEdit}
      label={label}
      onRestore={() => update((d) => restoreInheritance(d, key))}
    />
  );
}

/** KPI targets: percent for ratios, hours for 响应时长, or no target; each entry inherits on its own. */
export function KpiTargetsSection(props: SectionProps) {
  const { t } = useI18n();
  const { ctx, draft, update, canEdit, issues } = props;
  const shown = shownValue(ctx, draft, 'kpiTargets');
  const setTarget = (name: KpiName, value: number | null) =>
    update((d) => ({ ...d, kpiTargets: { ...d.kpiTargets, [name]: value } }));
  return (
    <SettingCard title={t('settings.section.kpi')} testId="settings-kpi" errors={issues.get('kpiTargets') ?? []}>
      <Table<KpiName>
        size="small"
        rowKey={(n) => n}
        pagination={false}
        dataSource={[...KPI_NAMES]}
        scroll={{ x: 640 }}
        columns={[
          { title: t('settings.kpi.name'), render: (_, n) => KPI_DEFINITIONS[n].label, width: 140 },
          {
            title: t('settings.kpi.target'),
            render: (_, n) => {
              const def = KPI_DEFINITIONS[n];
              const value = shown[n] ?? null;
              const ratio = def.unit === 'ratio';
              return (
                <Space>
                  <Typography.Text type="secondary">
                    {t(def.direction === 'at_least' ? 'settings.kpi.atLeast' : 'settings.kpi.atMost')}
                  </Typography.Text>
                  <InputNumber<number>
                    aria-label={t(ratio ? 'settings.kpi.percentLabel' : 'settings.kpi.hoursLabel', { kpi: def.label })}
                    disabled={!canEdit || value === null}
                    min={0}
                    max={ratio ? 100 : 24 * 365}
                    step={ratio ? 1 : 1}
                    value={value === null ? null : ratio ? toPercent(value) : value}
                    suffix={ratio ? '%' : t('settings.kpi.hours')}
                    onChange={(v) => {
                      if (typeof v === 'number') setTarget(n, ratio ? fromPercent(v) : v);
                    }}
                    style={{ width: 140 }}
                  />
                  <Checkbox
                    disabled={!canEdit}
                    checked={value === null}
                    onChange={(e) => setTarget(n, e.target.checked ? null : (def.defaultTarget ?? (ratio ? 0.9 : 24)))}
                  >
                    {t('settings.kpi.noTarget')}
                  </Checkbox>
                  <FieldIssues messages={issuesUnder(issues, `kpiTargets.${n}`)} />
                </Space>
              );
            },
          },
          {
            title: '',
            width: 220,
            render: (_, n) => (
              <SourceControls
                source={sourceOf(ctx, draft, 'kpiTargets', n)}
                canEdit={canEdit}
                label={KPI_DEFINITIONS[n].label}
                onRestore={() => update((d) => restoreInheritance(d, 'kpiTargets', n))}
              />
            ),
          },
        ]}
      />
    </SettingCard>
  );
}

const weightSum = (weights: Record<string, number>) =>
  Math.round(ASSESSMENT_KPIS.reduce((s, k) => s + (weights[k] ?? 0), 0) * 100) / 100;

/** Assessment weights with their live sum (must be 100) and the share of the government's assessment. */
export function AssessmentSection(props: SectionProps) {
  const { t } = useI18n();
  const { ctx, draft, update, canEdit, issues } = props;
  const shown = shownValue(ctx, draft, 'assessment');
  const sum = weightSum(shown.weights);
  const set = (change: Partial<{ weights: Record<string, number>; exportWeight: number }>) =>
    update((d) => {
      const base = d.assessment ?? shown;
      return {
        ...d,
        assessment: {
          weights: { ...(base.weights as Record<AssessmentKpi, number>), ...change.weights },
          exportWeight: change.exportWeight ?? base.exportWeight,
        },
      };
    });
  return (
    <SettingCard
      title={t('settings.section.assessment')}
      testId="settings-assessment"
      controls={keyControls(props, 'assessment', t('settings.section.assessment'))}
      errors={issuesUnder(issues, 'assessment')}
    >
      <Form layout="inline">
        {ASSESSMENT_KPIS.map((k) => (
          <Form.Item key={k} label={KPI_DEFINITIONS[k].label}>
            <InputNumber<number>
              aria-label={t('settings.assessment.weightLabel', { kpi: KPI_DEFINITIONS[k].label })}
              disabled={!canEdit}
              min={0}
              max={100}
              value={shown.weights[k] ?? 0}
              onChange={(v) => set({ weights: { [k]: typeof v === 'number' ? v : 0 } })}
              style={{ width: 90 }}
            />
          </Form.Item>
        ))}
      </Form>
      <Typography.Paragraph
        data-testid="weights-sum"
        type={sum === 100 ? 'success' : 'danger'}
        aria-invalid={sum !== 100}
        style={{ margin: '8px 0' }}
      >
        {t('settings.assessment.sum', { sum })}
      </Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label={t('settings.assessment.exportWeight')}>
          <InputNumber<number>
            aria-label={t('settings.assessment.exportWeight')}
            disabled={!canEdit}
            min={0}
            max={100}
            value={toPercent(shown.exportWeight)}
            onChange={(v) => set({ exportWeight: fromPercent(typeof v === 'number' ? v : 0) })}
            suffix="%"
            style={{ width: 120 }}
          />
        </Form.Item>
      </Form>
    </SettingCard>
  );
}

type PeriodKey = 'disputeWindowDays' | 'maxExtensions' | 'progressCadenceDays';
const PERIOD_KEYS: readonly PeriodKey[] = ['disputeWindowDays', 'maxExtensions', 'progressCadenceDays'];
const LOOKBACK_CHOICES = [1, 2, 3, 6, 9, 12, 18, 24, 36];

/** Dispute window, extensions, progress cadence and look-back months; each inherits on its own. */
export function PeriodsSection(props: SectionProps) {
  const { t } = useI18n();
  const { ctx, draft, update, canEdit, issues } = props;
  const lookback = shownValue(ctx, draft, 'lookbackMonths');
  return (
    <SettingCard title={t('settings.section.periods')} testId="settings-periods" errors={[]}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {PERIOD_KEYS.map((key) => (
          <Space key={key} wrap>
            <span style={{ display: 'inline-block', minWidth: 160 }}>{t(`settings.periods.${key}`)}</span>
            <InputNumber<number>
              aria-label={t(`settings.periods.${key}`)}
              disabled={!canEdit}
              min={0}
              precision={0}
              value={shownValue(ctx, draft, key)}
              onChange={(v) => {
                if (typeof v === 'number') update((d) => ({ ...d, [key]: v }));
              }}
            />
            {keyControls(props, key, t(`settings.periods.${key}`))}
            <FieldIssues messages={issuesUnder(issues, key)} />
          </Space>
        ))}
        <Space wrap>
          <span style={{ display: 'inline-block', minWidth: 160 }}>{t('settings.periods.lookbackMonths')}</span>
          <Select<number[]>
            mode="multiple"
            aria-label={t('settings.periods.lookbackMonths')}
            disabled={!canEdit}
            value={lookback}
            options={[...new Set([...LOOKBACK_CHOICES, ...lookback])]
              .sort((a, b) => a - b)
              .map((m) => ({ value: m, label: String(m) }))}
            onChange={(months) => update((d) => ({ ...d, lookbackMonths: [...months].sort((a, b) => a - b) }))}
            style={{ minWidth: 220 }}
          />
          {keyControls(props, 'lookbackMonths', t('settings.periods.lookbackMonths'))}
          <FieldIssues messages={issuesUnder(issues, 'lookbackMonths')} />
        </Space>
      </Space>
    </SettingCard>
  );
}

/** The reasons triage staff choose from when rejecting a clue: an editable list. */
export function RejectReasonsSection(props: SectionProps) {
  const { t } = useI18n();
  const { ctx, draft, update, canEdit, issues } = props;
  const reasons = shownValue(ctx, draft, 'clueRejectReasons');
  const set = (next: string[]) => update((d) => ({ ...d, clueRejectReasons: next }));
  return (
    <SettingCard
      title={t('settings.section.reasons')}
      testId="settings-reasons"
      controls={keyControls(props, 'clueRejectReasons', t('settings.section.reasons'))}
      errors={issuesUnder(issues, 'clueRejectReasons')}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {reasons.map((reason, i) => (
          <Space.Compact key={i} style={{ width: '100%', maxWidth: 560 }}>
            <Input
              aria-label={t('settings.reasons.label', { index: i + 1 })}
              disabled={!canEdit}
              maxLength={60}
              value={reason}
              onChange={(e) => set(reasons.map((r, j) => (j === i ? e.target.value : r)))}
            />
            {canEdit ? (
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('settings.reasons.remove', { index: i + 1 })}
                onClick={() => set(reasons.filter((_, j) => j !== i))}
              />
            ) : null}
          </Space.Compact>
        ))}
        {canEdit ? (
          <Button icon={<PlusOutlined />} onClick={() => set([...reasons, ''])}>
            {t('settings.reasons.add')}
          </Button>
        ) : null}
      </Space>
    </SettingCard>
  );
}

/** Category → lead unit and co-units, with the console's unit pickers. */
export function RoutingSection(props: SectionProps & { categories: string[] }) {
  const { t } = useI18n();
  const { ctx, draft, update, canEdit, issues, categories } = props;
  const rules = shownValue(ctx, draft, 'routing') as RoutingRule[];
  const set = (next: RoutingRule[]) => update((d) => ({ ...d, routing: next }));
  const change = (i: number, patch: Partial<RoutingRule>) =>
    set(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const used = new Set(rules.map((r) => r.category));
  return (
    <SettingCard
      title={t('settings.section.routing')}
      testId="settings-routing"
      controls={keyControls(props, 'routing', t('settings.section.routing'))}
      errors={issuesUnder(issues, 'routing').filter((e, i, all) => all.indexOf(e) === i)}
    >
      <Table<RoutingRule & { index: number }>
        size="small"
        rowKey="index"
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('settings.routing.empty') }}
        dataSource={rules.map((r, index) => ({ ...r, index }))}
        columns={[
          {
            title: t('settings.routing.category'),
            width: 180,
            render: (_, r) => (
              <Select
                aria-label={t('settings.routing.category')}
                disabled={!canEdit}
                value={r.category || undefined}
                options={[...new Set([...categories, r.category].filter(Boolean))].map((c) => ({
                  value: c,
                  label: c,
                  disabled: c !== r.category && used.has(c),
                }))}
                onChange={(category: string) => change(r.index, { category })}
                style={{ width: 160 }}
              />
            ),
          },
          {
            title: t('settings.routing.lead'),
            render: (_, r) =>
              canEdit ? (
                <UnitPicker value={r.leadUnitId || null} onChange={(id) => change(r.index, { leadUnitId: id ?? '' })} />
              ) : (
                <UnitNames ids={[r.leadUnitId]} />
              ),
          },
          {
            title: t('settings.routing.co'),
            render: (_, r) =>
              canEdit ? (
                <CoUnitsPicker
                  value={r.cooperatingUnitIds}
                  onChange={(ids) => change(r.index, { cooperatingUnitIds: ids })}
                />
              ) : (
                <UnitNames ids={r.cooperatingUnitIds} />
              ),
          },
          ...(canEdit
            ? [
                {
                  title: '',
                  width: 80,
                  render: (_: unknown, r: RoutingRule & { index: number }) => (
                    <Button size="small" danger onClick={() => set(rules.filter((_, j) => j !== r.index))}>
                      {t('settings.routing.remove')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canEdit ? (
        <Button
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() =>
            set([
              ...rules,
              { category: categories.find((c) => !used.has(c)) ?? '', leadUnitId: '', cooperatingUnitIds: [] },
            ])
          }
        >
          {t('settings.routing.add')}
        </Button>
      ) : null}
    </SettingCard>
  );
}

/** Unit names of a routing rule for those who may only read it. */
function UnitNames({ ids }: { ids: string[] }) {
  return (
    <Space size={4} wrap>
      {ids.map((id) => (
        <Tag key={id}>
          <UnitName id={id} />
        </Tag>
      ))}
    </Space>
  );
}
