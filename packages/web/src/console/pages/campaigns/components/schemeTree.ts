import type { IndicatorSchemeBody } from '@rectify/domain/campaign/schemas';
import type { IndicatorNode, SchemeIssue, ScoringRule } from '@rectify/domain/campaign/scheme';

/**
 * The indicator tree as the editor holds it: every node keeps a rule (so a parent that loses its last child becomes
 * a scored leaf again), an empty weight stays empty (null) instead of turning into 0, and a stable uid keys React rows
 * while codes and names are being typed.
 */
export interface EditorNode {
  uid: string;
  key: string;
  name: string;
  weight: number | null;
  rule: ScoringRule;
  children?: EditorNode[];
}

/** Index path of a node: [2, 0] is the first child of the third top-level indicator; [] is the top level. */
export type NodePath = number[];

let nextUid = 0;
const uid = () => `n${++nextUid}`;

export function fromIndicators(nodes: readonly IndicatorNode[]): EditorNode[] {
  return nodes.map((n) => ({
    uid: uid(),
    key: n.key,
    name: n.name,
    weight: n.weight,
    rule: n.rule ?? { kind: 'scale' },
    ...(n.children ? { children: fromIndicators(n.children) } : {}),
  }));
}

/** The body the server takes: parents carry children and no rule, leaves carry a rule. */
export function toSchemeBody(name: string, nodes: readonly EditorNode[]): IndicatorSchemeBody {
  const convert = (list: readonly EditorNode[]): IndicatorNode[] =>
    list.map((n) => ({
      key: n.key.trim(),
      name: n.name.trim(),
      weight: n.weight ?? 0,
      ...(n.children ? { children: convert(n.children) } : { rule: n.rule }),
    }));
  return { name: name.trim(), indicators: convert(nodes) };
}

export function levelSum(nodes: readonly EditorNode[]): number {
  return Math.round(nodes.reduce((s, n) => s + (n.weight ?? 0), 0) * 100) / 100;
}

export function nodeAt(nodes: readonly EditorNode[], path: NodePath): EditorNode | undefined {
  let list: readonly EditorNode[] | undefined = nodes;
  let node: EditorNode | undefined;
  for (const i of path) {
    node = list?.[i];
    list = node?.children;
  }
  return node;
}

/** Applies `change` to the list of siblings at `levelPath` (the children of that node; [] = top level). */
function updateLevel(
  nodes: EditorNode[],
  levelPath: NodePath,
  change: (siblings: EditorNode[]) => EditorNode[],
): EditorNode[] {
  if (levelPath.length === 0) return change(nodes);
  const [head, ...rest] = levelPath as [number, ...number[]];
  return nodes.map((n, i) => {
    if (i !== head) return n;
    const next = updateLevel(n.children ?? [], rest, change);
    // A parent whose last child is removed is a scored leaf again.
    const { children: _dropped, ...leaf } = n;
    return next.length > 0 ? { ...n, children: next } : leaf;
  });
}

export function updateNode(nodes: EditorNode[], path: NodePath, patch: Partial<Omit<EditorNode, 'uid'>>): EditorNode[] {
  const index = path[path.length - 1]!;
  return updateLevel(nodes, path.slice(0, -1), (siblings) =>
    siblings.map((n, i) => (i === index ? { ...n, ...patch } : n)),
  );
}

export function removeNode(nodes: EditorNode[], path: NodePath): EditorNode[] {
  const index = path[path.length - 1]!;
  return updateLevel(nodes, path.slice(0, -1), (siblings) => siblings.filter((_, i) => i !== index));
}

export function moveNode(nodes: EditorNode[], path: NodePath, delta: -1 | 1): EditorNode[] {
  const index = path[path.length - 1]!;
  return updateLevel(nodes, path.slice(0, -1), (siblings) => {
    const to = index + delta;
    if (to < 0 || to >= siblings.length) return siblings;
    const next = [...siblings];
    [next[index], next[to]] = [next[to]!, next[index]!];
    return next;
  });
}

function allKeys(nodes: readonly EditorNode[], into = new Set<string>()): Set<string> {
  for (const n of nodes) {
    into.add(n.key);
    if (n.children) allKeys(n.children, into);
  }
  return into;
}

/**
 * Adds a node to the level at `levelPath` (under the node there, or at the top level for []). It takes the weight
 * the level still lacks to reach 100, so adding into a complete level visibly breaks the sum until it is balanced.
 * Codes follow the parent's (A → A1, A2 …; top level A, B …) and are unique in the scheme.
 */
export function addNode(nodes: EditorNode[], levelPath: NodePath, name: string): EditorNode[] {
  const parent = levelPath.length > 0 ? nodeAt(nodes, levelPath) : undefined;
  const siblings = parent ? (parent.children ?? []) : nodes;
  const taken = allKeys(nodes);
  let key = '';
  for (let i = siblings.length + 1; key === '' || taken.has(key); i++) {
    key = parent ? `${parent.key}${i}` : i <= 26 ? String.fromCharCode(64 + i) : `X${i}`;
  }
  const node: EditorNode = {
    uid: uid(),
    key,
    name,
    weight: Math.max(0, Math.round((100 - levelSum(siblings)) * 100) / 100),
    rule: { kind: 'scale' },
  };
  return updateLevel(nodes, levelPath, (list) => [...list, node]);
}

export interface IssueIndex {
  /** Issues of a whole level (weights not 100, empty), by the level's path joined with '.'. */
  levels: Map<string, SchemeIssue[]>;
  /** Issues of one node's fields, by the node's path joined with '.'. */
  nodes: Map<string, SchemeIssue[]>;
}

/** Sorts `validateScheme` issues (paths like ['indicators', 0, 'children', 1, 'weight']) onto levels and nodes. */
export function indexIssues(issues: readonly SchemeIssue[]): IssueIndex {
  const index: IssueIndex = { levels: new Map(), nodes: new Map() };
  for (const issue of issues) {
    const numbers = issue.path.filter((p): p is number => typeof p === 'number');
    const last = issue.path[issue.path.length - 1];
    const isLevel = last === 'indicators' || (last === 'children' && issue.code !== 'too_deep');
    const map = isLevel ? index.levels : index.nodes;
    const key = numbers.join('.');
    map.set(key, [...(map.get(key) ?? []), issue]);
  }
  return index;
}
