import { NLP_VERSION } from '../version.ts';
import { getSegmenter, type Segmenter } from '../segment/segmenter.ts';
import { toEpochMs } from '../dedupe/nearDuplicateIndex.ts';
import { dot, topicTerms, toTopicVector } from '../topics/vector.ts';

export interface ReplyInput {
  subject: string;
  body?: string | null;
  /** When the message was received. */
  time: Date | number | string;
  reply: string;
  replyTime: Date | number | string;
}

export interface ReplyQualityOptions {
  /** Days within which a reply counts as on time (default 15, the usual 信访 time limit). */
  dueDays?: number;
  segmenter?: Segmenter;
}

export interface ReplyQuality {
  /** Topical overlap of reply and message, 0–1. */
  relevance: number;
  /** Share of the expected parts of a reply present, blended with length, 0–1. */
  completeness: number;
  /** Days from message to reply (null if a time is missing or the reply predates the message). */
  days: number | null;
  timeliness: number;
  /** Names a concrete action taken or scheduled (已安排…, 责令…整改, 已修复…). */
  citesMeasure: boolean;
  /** Cites a law, regulation, policy document or article. */
  citesPolicy: boolean;
  /** Which reply parts were found (for display and for checking the rules). */
  parts: string[];
  /** Weighted total, 0–100. */
  score: number;
  grade: '优' | '良' | '中' | '差';
  version: string;
}

export const REPLY_VERSION = `${NLP_VERSION}/reply-1`;

// The parts a complete reply to a citizen usually has (GB/T-style 答复 structure).
const PARTS: [string, RegExp][] = [
  ['acknowledgement', /您好|收悉|已收到|感谢您|来信|留言/],
  ['investigation', /经(?:调查|核实|了解|查|现场|核查)|调查(?:核实)?(?:情况|了解)|现场(?:查看|核实|勘查|调查)|实地/],
  ['result', /已(?:经)?(?:完成|解决|处理|整改|修复|拆除|清理|安排|落实|办理|发放|恢复)|处理(?:结果|情况)|整改到位|目前已/],
  ['explanation', /根据|依据|按照|规定|政策|原因|由于|因为/],
  ['followUp', /联系电话|咨询电话|如有(?:疑问|异议|问题)|可(?:直接)?(?:联系|拨打|致电)|下一步|后续|将(?:继续|加强|进一步)/],
  ['closing', /感谢|谢谢|理解和支持|理解与支持/],
];
const MEASURE = /(?:已|已经|将|正在|立即|现已)(?:安排|组织|责令|督促|要求|完成|整改|修复|拆除|清理|更换|维修|处罚|立案|查处|约谈|下达|协调|启动|开展|派出|制定|发放|恢复|补缴|退还|纳入)|责令.{0,20}(?:整改|停止|拆除|改正)|(?:限期|\d+日内|\d+个工作日内)/;
const POLICY = /《[^》]{2,40}》|第[一二三四五六七八九十百\d]{1,4}条|(?:根据|依据|按照).{0,30}(?:规定|办法|条例|法|政策|通知|意见|文件|标准|细则)/;

function round(x: number, d = 3): number {
  const p = 10 ** d;
  return Math.round(x * p) / p;
}

/** Scores a unit's reply (or progress report) against the message it answers. */
export function assessReply(input: ReplyInput, options: ReplyQualityOptions = {}): ReplyQuality {
  const seg = options.segmenter ?? getSegmenter();
  const dueDays = options.dueDays ?? 15;
  const reply = input.reply ?? '';
  const msgTerms = topicTerms(seg, input.subject, input.body ?? '');
  const replyTerms = topicTerms(seg, '', reply);
  const cos = dot(toTopicVector(msgTerms), toTopicVector(replyTerms, undefined, 60));
  // Coverage of the subject's key terms: a reply that never names the problem is not relevant.
  const subjectTerms = [...topicTerms(seg, input.subject, '').keys()];
  const covered = subjectTerms.filter((t) => replyTerms.has(t) || reply.includes(t)).length;
  const coverage = subjectTerms.length ? covered / subjectTerms.length : 0;
  const relevance = Math.min(1, 0.5 * Math.min(1, cos * 1.5) + 0.5 * coverage);

  const parts = PARTS.filter(([, re]) => re.test(reply)).map(([name]) => name);
  const lengthFactor = Math.min(1, reply.replace(/\s/g, '').length / 200);
  const completeness = 0.65 * (parts.length / PARTS.length) + 0.35 * lengthFactor;

  const t0 = toEpochMs(input.time);
  const t1 = toEpochMs(input.replyTime);
  const days = t0 > 0 && t1 > 0 && t1 >= t0 ? (t1 - t0) / 86_400_000 : null;
  const timeliness =
    days === null ? 0 : days <= dueDays ? 1 - 0.3 * (days / dueDays) : Math.max(0, 0.7 - (days - dueDays) / 90);

  const citesMeasure = MEASURE.test(reply);
  const citesPolicy = POLICY.test(reply);
  const score = 100 * (0.3 * relevance + 0.3 * completeness + 0.2 * timeliness + 0.1 * (citesMeasure ? 1 : 0) + 0.1 * (citesPolicy ? 1 : 0));
  const grade = score >= 80 ? '优' : score >= 65 ? '良' : score >= 50 ? '中' : '差';
  return {
    relevance: round(relevance),
    completeness: round(completeness),
    days: days === null ? null : round(days, 2),
    timeliness: round(timeliness),
    citesMeasure,
    citesPolicy,
    parts,
    score: round(score, 1),
    grade,
    version: REPLY_VERSION,
  };
}
