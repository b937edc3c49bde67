import type { Segmenter } from '../segment/segmenter.ts';
import { jiebaIdf } from '../segment/idf.ts';
import { normalizeText } from '../normalize/normalize.ts';

/** A sparse unit-length term vector. */
export type TermVector = Map<string, number>;

// Words of every complaint that say nothing about which problem it is.
const GENERIC = new Set(
  '投诉 举报 建议 要求 解决 处理 关于 希望 政府 领导 单位 工作 市民 群众 居民 网友 问题 情况 反映 请求 严重 相关 部门 没有 一直 现在 已经 至今 进行 存在 造成 影响 多次 咨询 能否 是否 谢谢 尽快 及时 有关 管理 本人 我们 他们 你们'.split(' '),
);

// Region names (A市, A3区, 西地省 in the anonymised data; real ones come as item.region) locate a
// problem but do not say what it is; clustering is per region anyway.
const REGION = /^(?:[a-z]\d*[市区县省]|西地省)$/;

/** Weighted term frequencies of a message. Subject terms count double: the subject names the
 * problem, the body tells the story. */
export function topicTerms(seg: Segmenter, subject: string, body: string): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (text: string, w: number): void => {
    for (const t of seg.tokens(normalizeText(text))) {
      if (t.length < 2 || GENERIC.has(t) || REGION.test(t)) continue;
      tf.set(t, (tf.get(t) ?? 0) + w);
    }
  };
  add(subject, 2);
  add(body.slice(0, 1000), 1);
  return tf;
}

export interface IdfTable {
  idf: Map<string, number>;
  median: number;
}

/** IDF of the batch itself (ln(N / df)), falling back to jieba's general IDF: words common in
 * complaints (小区, 业主) then weigh little even though they are rare in general text. */
export function corpusIdf(docs: Iterable<Map<string, number>>): IdfTable {
  const df = new Map<string, number>();
  let n = 0;
  for (const d of docs) {
    n++;
    for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [t, c] of df) idf.set(t, Math.log((n + 1) / c));
  return { idf, median: Math.log(n + 1) };
}

/** Unit vector of the strongest `maxTerms` terms by sublinear tf × idf. */
export function toTopicVector(tf: Map<string, number>, table: IdfTable = jiebaIdf(), maxTerms = 30): TermVector {
  const { idf, median } = table;
  const scored = [...tf].map(([t, f]) => [t, (1 + Math.log(f)) * (idf.get(t) ?? median)] as const);
  scored.sort((a, b) => b[1] - a[1]);
  const top = scored.slice(0, maxTerms);
  const norm = Math.sqrt(top.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return new Map(top.map(([t, v]) => [t, v / norm]));
}

export function topicVector(seg: Segmenter, subject: string, body: string, maxTerms = 30): TermVector {
  return toTopicVector(topicTerms(seg, subject, body), jiebaIdf(), maxTerms);
}

export function dot(a: TermVector, b: TermVector): number {
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, v] of small) {
    const w = big.get(t);
    if (w !== undefined) s += v * w;
  }
  return s;
}
