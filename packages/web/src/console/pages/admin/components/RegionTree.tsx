import { useEffect, useState } from 'react';
import { Alert, Skeleton, Tree } from 'antd';
import type { DataNode, EventDataNode } from 'antd/es/tree';
import { parentRegionCode } from '../../../services/org.ts';
import { errorMessage } from '../../../components/errors.ts';
import { useI18n } from '../../../i18n.tsx';
import { listRegionChildren, type AdminRegion } from '../service.ts';

interface Node extends DataNode {
  key: string;
  region: AdminRegion;
  children?: Node[];
}

const toNode = (r: AdminRegion): Node => ({ key: r.code, title: r.name, region: r, isLeaf: r.level === 'town' });

function withChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children, isLeaf: children.length === 0 }
      : n.children
        ? { ...n, children: withChildren(n.children, key, children) }
        : n,
  );
}

/** The ancestors of `code` from the top down (their codes), so the tree can open onto a region given by URL. */
function ancestors(code: string): string[] {
  const chain: string[] = [];
  for (let c = parentRegionCode(code); c; c = parentRegionCode(c)) chain.unshift(c);
  return chain;
}

/**
 * The region tree (`GET /api/regions?parent=`, one level at a time). `selected` opens the tree onto that region;
 * `refresh` (a changing number) reloads the children of `refreshParent` after an edit.
 */
export function RegionTree({
  selected,
  onSelect,
  refresh,
  refreshParent,
}: {
  selected: string | null;
  onSelect: (region: AdminRegion) => void;
  refresh?: number;
  refreshParent?: string | null;
}) {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<Node[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);

  const loadChildren = async (code: string) => {
    try {
      const items = await listRegionChildren(code);
      setNodes((ns) => (ns ? withChildren(ns, code, items.map(toNode)) : ns));
      return items;
    } catch (err) {
      setError(err);
      return [];
    }
  };

  useEffect(() => {
    let live = true;
    listRegionChildren().then(
      async (items) => {
        if (!live) return;
        setNodes(items.map(toNode));
        if (!selected) return;
        // Open the path down to the selected region, one level at a time.
        const chain = ancestors(selected);
        for (const code of chain) await loadChildren(code);
        if (live) setExpanded(chain);
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
    // The tree opens onto the region given at first render only; later selections come from the tree itself.
  }, []);

  useEffect(() => {
    if (refresh && refreshParent) void loadChildren(refreshParent);
  }, [refresh]);

  if (error) return <Alert type="error" role="alert" title={errorMessage(error, t)} />;
  if (!nodes) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Tree<Node>
      data-testid="region-tree"
      treeData={nodes}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys as string[])}
      selectedKeys={selected ? [selected] : []}
      loadData={async (node: EventDataNode<Node>) => {
        if (!node.children) await loadChildren(node.key);
      }}
      onSelect={(_, info) => onSelect(info.node.region)}
      titleRender={(n) => <span data-testid={`region-${n.key}`}>{n.title as string}</span>}
    />
  );
}
