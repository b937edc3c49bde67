import { z } from 'zod';

const b64 = z.string().describe('standard base64');

export const subjectParams = z.object({
  type: z.string().min(1).max(64).describe('对象类型，如 unit、user、problem'),
  id: z.string().min(1).max(200),
});

export const checkpointView = z.object({
  origin: z.string(),
  size: z.number().int(),
  root: b64,
  note: z.string().describe('签名检查点（C2SP signed note），含见证人联署'),
});

export const eventProofView = z.object({
  eventId: z.number().int(),
  at: z.string(),
  type: z.string(),
  status: z
    .enum(['pending', 'sequenced', 'published'])
    .describe('pending：尚未入账；sequenced：已入账，尚无覆盖它的检查点；published：有包含证明'),
  leafIndex: z.number().int().nullable(),
  leaf: b64.nullable().describe('叶子字节（见 docs/ledger.md 的叶子格式）'),
  leafHash: b64.nullable().describe('SHA-256(0x00 ‖ leaf)'),
  inclusionProof: z.array(b64).nullable().describe('相对于 checkpoint 的包含证明（RFC 9162）'),
});

export const subjectProofsView = z.object({
  checkpoint: checkpointView.nullable(),
  events: z.array(eventProofView),
});

export const consistencyQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1).optional().describe('缺省为最新检查点'),
});

export const consistencyView = z.object({
  from: checkpointView,
  to: checkpointView,
  proof: z.array(b64).describe('一致性证明（RFC 9162），from = to 时为空'),
});

export const publicEventProofView = eventProofView.omit({ leaf: true });

export const publicProblemProofsView = z.object({
  checkpoint: checkpointView.nullable().describe('最新签名检查点；尚无检查点时为 null'),
  events: z
    .array(publicEventProofView)
    .describe('公开的事件（已公开的整改措施、进展、验收结果），不含叶子内容：叶子包含未脱敏的完整事件'),
});
