import { isLeaf, type IndicatorNode } from '@rectify/domain/campaign/scheme';

export interface Leaf {
  key: string;
  name: string;
  /** Names of the indicators above it, top first. */
  parents: string[];
}

/** The scored (leaf) indicators of a scheme, in document order, with the names of their parents. */
export function leavesOf(nodes: readonly IndicatorNode[], parents: string[] = []): Leaf[] {
  return nodes.flatMap((n) =>
    isLeaf(n) ? [{ key: n.key, name: n.name, parents }] : leavesOf(n.children ?? [], [...parents, n.name]),
  );
}
