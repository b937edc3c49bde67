/**
 * Indicator schemes (评议指标体系): versioned trees of weighted indicators. Weights are percentages of the
 * parent: at every level the siblings' weights sum to 100, so a leaf's share of the total is the product of the
 * weights on its path ÷ 100 per level.
 */

export type ScoringRule =
  /** Raters give 0–100 directly. */
  | { kind: 'scale' }
  /** Computed from platform data; `expression` is read by the scoring job, not here. */
  | { kind: 'formula'; expression: string };

export interface IndicatorNode {
  /** Stable code within the scheme (e.g. `1.2`); scores refer to leaves by it. */
  key: string;
  name: string;
  weight: number;
  /** Leaves carry a rule; inner nodes are the weighted mean of their children and carry none. */
  rule?: ScoringRule | undefined;
  children?: IndicatorNode[] | undefined;
}

export interface IndicatorScheme {
  id: string;
  name: string;
  /** Schemes are never edited in place once used: a change is a new version, so results stay comparable. */
  version: number;
  indicators: IndicatorNode[];
}

export type SchemePath = (string | number)[];

export interface SchemeIssue {
  path: SchemePath;
  code: string;
  message: string;
}

/** Weights are entered with up to two decimals; sums are compared with this tolerance. */
const WEIGHT_TOLERANCE = 1e-6;
export const MAX_SCHEME_DEPTH = 5;

export function isLeaf(node: IndicatorNode): boolean {
  return node.children === undefined;
}

/**
 * Every problem of the scheme, with the path of the offending field (the editor marks them live), in document
 * order. An empty list means the scheme is valid.
 */
export function validateScheme(scheme: Pick<IndicatorScheme, 'indicators'>): SchemeIssue[] {
  const issues: SchemeIssue[] = [];
  const keys = new Map<string, SchemePath>();

  function level(nodes: IndicatorNode[], path: SchemePath, depth: number) {
    if (nodes.length === 0) {
      issues.push({ path, code: 'empty_level', message: path.length === 1 ? '至少需要一个指标' : '下级指标不能为空' });
      return;
    }
    const sum = nodes.reduce((s, n) => s + (Number.isFinite(n.weight) ? n.weight : 0), 0);
    if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) {
      issues.push({
        path,
        code: 'weights_not_100',
        message: `本级指标权重之和应为 100，当前为 ${Math.round(sum * 100) / 100}`,
      });
    }
    nodes.forEach((node, i) => {
      const at = [...path, i];
      if (node.key.trim() === '')
        issues.push({ path: [...at, 'key'], code: 'key_required', message: '请填写指标编码' });
      else {
        const first = keys.get(node.key);
        if (first) {
          issues.push({ path: [...at, 'key'], code: 'duplicate_key', message: `指标编码“${node.key}”重复` });
        } else keys.set(node.key, at);
      }
      if (node.name.trim() === '')
        issues.push({ path: [...at, 'name'], code: 'name_required', message: '请填写指标名称' });
      if (!Number.isFinite(node.weight) || node.weight <= 0 || node.weight > 100) {
        issues.push({ path: [...at, 'weight'], code: 'weight_range', message: '权重应大于 0 且不超过 100' });
      }
      if (isLeaf(node)) {
        if (!node.rule)
          issues.push({ path: [...at, 'rule'], code: 'rule_required', message: '末级指标须设定评分规则' });
        else if (node.rule.kind === 'formula' && node.rule.expression.trim() === '') {
          issues.push({ path: [...at, 'rule', 'expression'], code: 'formula_required', message: '请填写计算公式' });
        }
      } else {
        if (node.rule) {
          issues.push({
            path: [...at, 'rule'],
            code: 'rule_on_parent',
            message: '有下级指标的，由下级加权得分，不设评分规则',
          });
        }
        if (depth >= MAX_SCHEME_DEPTH) {
          issues.push({
            path: [...at, 'children'],
            code: 'too_deep',
            message: `指标层级不能超过 ${MAX_SCHEME_DEPTH} 级`,
          });
        } else level(node.children ?? [], [...at, 'children'], depth + 1);
      }
    });
  }

  level(scheme.indicators, ['indicators'], 1);
  return issues;
}

/** Leaves with their effective share of the total (0–1), in document order. Precondition: a valid scheme. */
export function leafShares(scheme: Pick<IndicatorScheme, 'indicators'>): { key: string; share: number }[] {
  const out: { key: string; share: number }[] = [];
  const walk = (nodes: IndicatorNode[], share: number) => {
    for (const n of nodes) {
      const s = (share * n.weight) / 100;
      if (isLeaf(n)) out.push({ key: n.key, share: s });
      else walk(n.children ?? [], s);
    }
  };
  walk(scheme.indicators, 1);
  return out;
}
