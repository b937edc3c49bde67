import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import { RegionName } from '../../../components/Names.tsx';
import { useI18n } from '../../../i18n.tsx';
import { listRegions } from '../../../services/org.ts';

interface Node {
  value: string;
  title: React.ReactNode;
  isLeaf: boolean;
  children?: Node[];
}

/**
 * The regions a dashboard may show: the caller's own region subtrees (from their grants) and anything below them,
 * loaded one level at a time. Nothing outside the scope is offered; the server refuses it anyway.
 */
export function ScopeRegionSelect({
  roots,
  value,
  onChange,
}: {
  roots: string[];
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useI18n();
  const [tree, setTree] = useState<Node[]>(() =>
    roots.map((code) => ({ value: code, title: <RegionName code={code} />, isLeaf: code.length === 9 })),
  );
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setTree(roots.map((code) => ({ value: code, title: <RegionName code={code} />, isLeaf: code.length === 9 })));
  }, [roots]);

  async function loadData(node: { value?: string | number }) {
    const code = String(node.value);
    try {
      const children = await listRegions(code);
      const attach = (nodes: Node[]): Node[] =>
        nodes.map((n) =>
          n.value === code
            ? {
                ...n,
                isLeaf: children.length === 0,
                children: children.map((c) => ({ value: c.code, title: c.name, isLeaf: c.level === 'town' })),
              }
            : { ...n, children: n.children && attach(n.children) },
        );
      setTree((current) => attach(current));
    } catch {
      setFailed(true);
    }
  }

  return (
    <TreeSelect
      aria-label={t('dashboard.region')}
      data-testid="dashboard-region"
      value={value}
      onChange={(v: string) => onChange(v)}
      treeData={tree}
      loadData={loadData}
      status={failed ? 'error' : undefined}
      treeDefaultExpandAll={false}
      style={{ minWidth: 200 }}
      popupMatchSelectWidth={false}
    />
  );
}
