import { clueSnapshotFromJson, type ClueRow } from '@rectify/db';
import { allowedClueActions, CLUE_STATE_LABELS, type Actor, type ClueState } from '@rectify/domain';
import { presentSuggestions } from '../analytics/clue-suggestions.ts';
import { formatTrackingCode } from './tracking-code.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * A clue for staff: the full text (staff need it to act), never the contact — that is a separate, audited read —
 * and the analytics output labelled as suggestions.
 */
export function presentClue(c: ClueRow) {
  return {
    id: c.id,
    trackingCode: formatTrackingCode(c.trackingCode),
    channel: c.channel,
    externalRef: c.externalRef,
    regionCode: c.regionCode,
    townCode: c.townCode,
    title: c.title,
    body: c.body,
    category: c.category,
    location: c.lat !== null && c.lng !== null ? { lat: c.lat, lng: c.lng } : null,
    address: c.address,
    attachments: c.attachments,
    anonymous: c.anonymous,
    hasContact: c.contactCiphertext !== null,
    state: c.state,
    stateLabel: CLUE_STATE_LABELS[c.state as ClueState],
    moderation: c.moderation,
    moderationReason: c.moderationReason,
    mergedInto: c.duplicateOf,
    problemId: c.problemId,
    handlingUnitId: c.handlingUnitId,
    suggestions: presentSuggestions(c),
    receivedAt: c.receivedAt.toISOString(),
    firstReplyAt: iso(c.firstReplyAt),
    rating: c.rating,
    ratingComment: c.ratingComment,
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

export function presentClueDetail(c: ClueRow, actor: Actor) {
  return { ...presentClue(c), allowedActions: allowedClueActions(clueSnapshotFromJson(c.snapshot), actor) };
}
