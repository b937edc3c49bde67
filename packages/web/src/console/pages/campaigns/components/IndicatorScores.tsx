import { Tree } from 'antd';
import type { IndicatorNode } from '@rectify/domain/campaign/scheme';
import { useI18n, type T } from '../../../i18n.tsx';
import { formatScore } from './format.ts';

interface TreeItem {
  key: string;
  title: string;
  children?: TreeItem[];
}

const toTree = (nodes: readonly IndicatorNode[], scores: Record<string, number | null>, t: T): TreeItem[] =>
  nodes.map((n) => ({
    key: n.key,
    title: t('campaign.results.indicatorScore', {
      key: n.key,
      name: n.name,
      weight: n.weight,
      score: formatScore(scores[n.key]),
    }),
    ...(n.children ? { children: toTree(n.children, scores, t) } : {}),
  }));

/** One unit's score on every indicator of the scheme, as the tree it is weighted along. */
export function IndicatorScores({
  nodes,
  scores,
}: {
  nodes: readonly IndicatorNode[];
  scores: Record<string, number | null>;
}) {
  const { t } = useI18n();
  return <Tree selectable={false} defaultExpandAll treeData={toTree(nodes, scores, t)} />;
}
