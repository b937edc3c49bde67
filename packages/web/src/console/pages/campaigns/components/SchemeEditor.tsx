import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Input, InputNumber, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { indicatorSchemeBody, type IndicatorSchemeBody } from '@rectify/domain/campaign/schemas';
import { validateScheme, type SchemeIssue } from '@rectify/domain/campaign/scheme';
import { useI18n } from '../../../i18n.tsx';
import {
  addNode,
  fromIndicators,
  indexIssues,
  levelSum,
  moveNode,
  removeNode,
  toSchemeBody,
  updateNode,
  type EditorNode,
  type IssueIndex,
  type NodePath,
} from './schemeTree.ts';

interface Props {
  initial: IndicatorSchemeBody;
  /** Absent → read only (a user without campaign.manage sees the tree but cannot change it). */
  onSave?: (body: IndicatorSchemeBody) => void;
  saving?: boolean;
  /** Issues the server reported for the last save attempt (same shape as the live ones). */
  serverIssues?: readonly SchemeIssue[];
}

/**
 * 评议指标体系 editor: a tree of weighted indicators. Every change is checked at once with the domain's
 * `validateScheme` (the function the server runs), so each level shows its weight sum and is marked while it is not
 * 100; saving is offered only when nothing is wrong, and what it hands over parses with the server's schema.
 */
export function SchemeEditor({ initial, onSave, saving, serverIssues }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState(initial.name);
  const [nodes, setNodes] = useState<EditorNode[]>(() => fromIndicators(initial.indicators));
  const readOnly = !onSave;

  const body = useMemo(() => toSchemeBody(name, nodes), [name, nodes]);
  const issues = useMemo(() => {
    const shape = indicatorSchemeBody.safeParse(body);
    const shapeIssues: SchemeIssue[] = shape.success
      ? []
      : shape.error.issues.map((i) => ({
          path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
          code: i.code,
          message: i.message,
        }));
    return [...shapeIssues, ...validateScheme(body)];
  }, [body]);
  const index = useMemo(() => indexIssues(issues), [issues]);
  const nameIssue = issues.find((i) => i.path.length === 1 && i.path[0] === 'name');

  const edit = {
    update: (path: NodePath, patch: Partial<Omit<EditorNode, 'uid'>>) => setNodes((n) => updateNode(n, path, patch)),
    remove: (path: NodePath) => setNodes((n) => removeNode(n, path)),
    move: (path: NodePath, delta: -1 | 1) => setNodes((n) => moveNode(n, path, delta)),
    add: (levelPath: NodePath) => setNodes((n) => addNode(n, levelPath, t('scheme.newIndicator'))),
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="scheme-editor">
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{t('scheme.name')}</Typography.Text>
        <Input
          aria-label={t('scheme.name')}
          value={name}
          disabled={readOnly}
          status={nameIssue ? 'error' : undefined}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          style={{ maxWidth: 420 }}
        />
      </Flex>
      <Level nodes={nodes} path={[]} index={index} edit={edit} readOnly={readOnly} />
      {!readOnly && (
        <Button icon={<PlusOutlined />} onClick={() => edit.add([])}>
          {t('scheme.addTop')}
        </Button>
      )}
      <IssueSummary issues={issues} />
      {serverIssues && serverIssues.length > 0 ? <IssueSummary issues={serverIssues} server /> : null}
      {!readOnly && (
        <Button
          type="primary"
          loading={saving}
          disabled={issues.length > 0}
          onClick={() => onSave?.(body)}
          data-testid="scheme-save"
        >
          {t('scheme.saveVersion')}
        </Button>
      )}
    </Space>
  );
}

function IssueSummary({ issues, server }: { issues: readonly SchemeIssue[]; server?: boolean }) {
  const { t } = useI18n();
  if (issues.length === 0) {
    return <Alert type="success" showIcon title={t('scheme.valid')} data-testid="scheme-status" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="scheme-status"
      title={t(server ? 'scheme.serverIssues' : 'scheme.issues', { count: issues.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {issues.slice(0, 8).map((i) => (
            <li key={`${i.path.join('.')}:${i.code}`}>{i.message}</li>
          ))}
        </ul>
      }
    />
  );
}

interface Edit {
  update(path: NodePath, patch: Partial<Omit<EditorNode, 'uid'>>): void;
  remove(path: NodePath): void;
  move(path: NodePath, delta: -1 | 1): void;
  add(levelPath: NodePath): void;
}

/** One level of siblings, framed, with its weight sum; red while the sum is not 100 or the level has another fault. */
function Level({
  nodes,
  path,
  index,
  edit,
  readOnly,
}: {
  nodes: EditorNode[];
  path: NodePath;
  index: IssueIndex;
  edit: Edit;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const levelIssues = index.levels.get(path.join('.')) ?? [];
  const invalid = levelIssues.length > 0;
  const sum = levelSum(nodes);
  const testId = `level-${path.length === 0 ? 'root' : path.join('-')}`;
  return (
    <div
      role="group"
      aria-label={t('scheme.level', { depth: path.length + 1 })}
      aria-invalid={invalid}
      data-testid={testId}
      style={{
        border: `1px solid ${invalid ? '#ff4d4f' : '#d9d9d9'}`,
        // A valid level nested in an invalid one stays white, so only the offending level is marked.
        background: invalid ? '#fff2f0' : '#fff',
        borderRadius: 4,
        padding: 8,
      }}
    >
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Tag color={invalid ? 'error' : 'success'} data-testid={`${testId}-sum`}>
          {t('scheme.levelSum', { sum })}
        </Tag>
        {levelIssues.map((i) => (
          <Typography.Text key={i.code} type="danger">
            {i.message}
          </Typography.Text>
        ))}
      </Flex>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {nodes.map((node, i) => (
          <NodeRow
            key={node.uid}
            node={node}
            path={[...path, i]}
            first={i === 0}
            last={i === nodes.length - 1}
            index={index}
            edit={edit}
            readOnly={readOnly}
          />
        ))}
      </Space>
    </div>
  );
}

function NodeRow({
  node,
  path,
  first,
  last,
  index,
  edit,
  readOnly,
}: {
  node: EditorNode;
  path: NodePath;
  first: boolean;
  last: boolean;
  index: IssueIndex;
  edit: Edit;
  readOnly: boolean;
}) {
  const { t } = useI18n();
  const issues = index.nodes.get(path.join('.')) ?? [];
  const fieldIssue = (field: string) => issues.find((i) => i.path.includes(field));
  const status = (field: string) => (fieldIssue(field) ? ('error' as const) : undefined);
  const label = node.key || node.name;
  return (
    <div data-testid={`indicator-${node.key}`}>
      <Flex gap={8} align="center" wrap>
        <Input
          aria-label={t('scheme.key')}
          value={node.key}
          disabled={readOnly}
          status={status('key')}
          maxLength={20}
          onChange={(e) => edit.update(path, { key: e.target.value })}
          style={{ width: 80 }}
        />
        <Input
          aria-label={t('scheme.indicatorName', { key: label })}
          value={node.name}
          disabled={readOnly}
          status={status('name')}
          maxLength={100}
          onChange={(e) => edit.update(path, { name: e.target.value })}
          style={{ width: 220 }}
        />
        <InputNumber<number>
          aria-label={t('scheme.weightOf', { key: label })}
          value={node.weight}
          disabled={readOnly}
          status={status('weight')}
          min={0}
          max={100}
          precision={2}
          suffix="%"
          onChange={(v) => edit.update(path, { weight: v })}
          style={{ width: 110 }}
        />
        {node.children ? (
          <Typography.Text type="secondary">{t('scheme.parentRule')}</Typography.Text>
        ) : (
          <>
            <Select
              aria-label={t('scheme.rule')}
              value={node.rule.kind}
              disabled={readOnly}
              onChange={(kind) => edit.update(path, { rule: kind === 'scale' ? { kind } : { kind, expression: '' } })}
              options={[
                { value: 'scale', label: t('scheme.rule.scale') },
                { value: 'formula', label: t('scheme.rule.formula') },
              ]}
              style={{ width: 130 }}
            />
            {node.rule.kind === 'formula' && (
              <Input
                aria-label={t('scheme.expression')}
                placeholder={t('scheme.expression')}
                value={node.rule.expression}
                disabled={readOnly}
                status={status('expression')}
                maxLength={500}
                onChange={(e) => edit.update(path, { rule: { kind: 'formula', expression: e.target.value } })}
                style={{ width: 220 }}
              />
            )}
          </>
        )}
        {!readOnly && (
          <Space.Compact>
            <Tooltip title={t('scheme.moveUp')}>
              <Button
                aria-label={t('scheme.moveUp')}
                icon={<ArrowUpOutlined />}
                disabled={first}
                onClick={() => edit.move(path, -1)}
              />
            </Tooltip>
            <Tooltip title={t('scheme.moveDown')}>
              <Button
                aria-label={t('scheme.moveDown')}
                icon={<ArrowDownOutlined />}
                disabled={last}
                onClick={() => edit.move(path, 1)}
              />
            </Tooltip>
            <Tooltip title={t('scheme.addChild')}>
              <Button
                aria-label={t('scheme.addChildOf', { key: label })}
                icon={<PlusOutlined />}
                onClick={() => edit.add(path)}
              />
            </Tooltip>
            <Tooltip title={t('scheme.remove')}>
              <Button
                aria-label={t('scheme.removeOf', { key: label })}
                danger
                icon={<DeleteOutlined />}
                onClick={() => edit.remove(path)}
              />
            </Tooltip>
          </Space.Compact>
        )}
      </Flex>
      {issues.map((i) => (
        <Typography.Text key={`${i.path.join('.')}:${i.code}`} type="danger" style={{ display: 'block' }}>
          {i.message}
        </Typography.Text>
      ))}
      {node.children && (
        <div style={{ marginTop: 8, marginInlineStart: 24 }}>
          <Level nodes={node.children} path={path} index={index} edit={edit} readOnly={readOnly} />
        </div>
      )}
    </div>
  );
}
