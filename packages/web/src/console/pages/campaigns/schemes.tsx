import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Empty, Row, Skeleton, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { IndicatorSchemeBody } from '@rectify/domain/campaign/schemas';
import type { SchemeIssue } from '@rectify/domain/campaign/scheme';
import { ApiError } from '../../../api.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RegionName } from '../../components/Names.tsx';
import { useRequest } from '../../../lib/useRequest.ts';
import { formatDateTime } from '../../../i18n/datetime.ts';
import { useI18n } from '../../i18n.tsx';
import { useSignedIn } from '../../session.tsx';
import { SchemeEditor } from './components/SchemeEditor.tsx';
import { createScheme, createSchemeVersion, listSchemes, validateSchemeOnServer, type Scheme } from './service.ts';

/** Server issues come back on a refused save as `details` of a 422 invalid_scheme. */
const issuesOf = (err: unknown): SchemeIssue[] | null =>
  err instanceof ApiError && err.code === 'invalid_scheme' && Array.isArray(err.details)
    ? (err.details as SchemeIssue[])
    : null;

/**
 * 评议指标体系: the schemes and their versions; the chosen version opens in the editor, and saving publishes a new
 * version of its family (old versions stay as they were, so earlier results remain comparable).
 */
export default function SchemesPage() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const schemes = useRequest(listSchemes, []);
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [serverIssues, setServerIssues] = useState<SchemeIssue[]>([]);

  const families = useMemo(() => {
    const latest = new Map<string, Scheme & { versions: number }>();
    for (const s of schemes.data ?? []) {
      const seen = latest.get(s.familyId);
      if (!seen || s.version > seen.version) latest.set(s.familyId, { ...s, versions: (seen?.versions ?? 0) + 1 });
      else seen.versions++;
    }
    return [...latest.values()];
  }, [schemes.data]);
  const selected = (schemes.data ?? []).find((s) => s.id === params.get('id')) ?? null;
  const versions = (schemes.data ?? [])
    .filter((s) => s.familyId === selected?.familyId)
    .sort((a, b) => b.version - a.version);

  const open = (id: string) => {
    setCreating(false);
    setError(null);
    setServerIssues([]);
    setParams({ id });
  };

  async function save(body: IndicatorSchemeBody) {
    setSaving(true);
    setError(null);
    try {
      // The server's own check first, so a rule the browser does not know yet is reported before anything is stored.
      const issues = await validateSchemeOnServer(body);
      setServerIssues(issues);
      if (issues.length > 0) return;
      const saved = selected && !creating ? await createSchemeVersion(selected.id, body) : await createScheme(body);
      message.success(t('scheme.saved', { version: saved.version }));
      schemes.reload();
      open(saved.id);
    } catch (err) {
      const issues = issuesOf(err);
      if (issues) setServerIssues(issues);
      else setError(err);
    } finally {
      setSaving(false);
    }
  }

  const starter: IndicatorSchemeBody = {
    name: '',
    indicators: [{ key: 'A', name: t('scheme.newIndicator'), weight: 100, rule: { kind: 'scale' } }],
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={9}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {access.campaignManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setCreating(true);
                setServerIssues([]);
                setError(null);
              }}
            >
              {t('scheme.create')}
            </Button>
          )}
          {schemes.error ? <ErrorAlert error={schemes.error} onRetry={schemes.reload} /> : null}
          <Table<Scheme & { versions: number }>
            rowKey="familyId"
            size="small"
            data-testid="schemes-table"
            loading={schemes.loading}
            dataSource={families}
            pagination={false}
            onRow={(s) => ({ onClick: () => open(s.id), style: { cursor: 'pointer' } })}
            rowClassName={(s) => (s.familyId === selected?.familyId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('scheme.name'), dataIndex: 'name' },
              { title: t('scheme.latest'), dataIndex: 'version', width: 90, render: (v: number) => `v${v}` },
              { title: t('campaign.region'), dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
            ]}
          />
          {selected && !creating && (
            <Card size="small" title={t('scheme.versions')}>
              <Table<Scheme>
                rowKey="id"
                size="small"
                data-testid="scheme-versions"
                dataSource={versions}
                pagination={false}
                columns={[
                  {
                    title: t('scheme.version'),
                    dataIndex: 'version',
                    width: 80,
                    render: (v: number, s) => (s.id === selected.id ? <Tag color="processing">v{v}</Tag> : `v${v}`),
                  },
                  { title: t('scheme.name'), dataIndex: 'name' },
                  { title: t('scheme.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
                  {
                    key: 'open',
                    width: 80,
                    render: (_: unknown, s) =>
                      s.id === selected.id ? null : (
                        <Button size="small" onClick={() => open(s.id)}>
                          {t('scheme.view')}
                        </Button>
                      ),
                  },
                ]}
              />
            </Card>
          )}
        </Space>
      </Col>
      <Col xs={24} xl={15}>
        {error ? <ErrorAlert error={error} /> : null}
        {creating ? (
          <Card size="small" title={t('scheme.create')}>
            <SchemeEditor key="new" initial={starter} onSave={save} saving={saving} serverIssues={serverIssues} />
          </Card>
        ) : selected ? (
          <Card size="small" title={t('scheme.editing', { name: selected.name, version: selected.version })}>
            <SchemeEditor
              key={selected.id}
              initial={{ name: selected.name, indicators: selected.indicators }}
              onSave={access.campaignManage ? save : undefined}
              saving={saving}
              serverIssues={serverIssues}
            />
          </Card>
        ) : schemes.loading ? (
          <Skeleton active />
        ) : (
          <Empty description={t('scheme.pick')} />
        )}
      </Col>
    </Row>
  );
}
