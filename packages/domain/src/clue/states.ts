import type { RatingValue } from '../problem/states.ts';

/** DESIGN §4 clue lifecycle. The four triage outcomes are terminal for handling; each still gets a reply. */
export const CLUE_STATES = [
  'received',
  'triaged',
  'accepted',
  'merged',
  'forwarded',
  'rejected',
  'replied',
  'rated',
] as const;
export type ClueState = (typeof CLUE_STATES)[number];

export const CLUE_STATE_LABELS: Record<ClueState, string> = {
  received: '已接收',
  triaged: '已分拣',
  accepted: '已受理',
  merged: '已合并',
  forwarded: '已转办',
  rejected: '不予受理',
  replied: '已答复',
  rated: '已评价',
};

export const CLUE_CHANNELS = ['portal', 'hotline', 'online', 'member'] as const;
export type ClueChannel = (typeof CLUE_CHANNELS)[number];

export interface ClueSnapshot {
  id: string;
  state: ClueState;
  regionCode: string;
  channel: ClueChannel;
  category: string | null;
  /** The unit that handles or answers the clue (set at triage, or by acceptance into a problem). */
  handlingUnitId: string | null;
  problemId: string | null;
  mergedInto: string | null;
  receivedAt: Date;
  firstReplyAt: Date | null;
  rating: RatingValue | null;
}

export function newClue(fields: Pick<ClueSnapshot, 'id' | 'regionCode' | 'channel' | 'receivedAt'>): ClueSnapshot {
  return {
    state: 'received',
    category: null,
    handlingUnitId: null,
    problemId: null,
    mergedInto: null,
    firstReplyAt: null,
    rating: null,
    ...fields,
  };
}
