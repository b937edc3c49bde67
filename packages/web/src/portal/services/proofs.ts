import { get } from '../../api.ts';
import type { EventInclusion, ServedCheckpoint } from '../../lib/ledger/verify.ts';

/** What `GET /api/public/problems/:id/proofs` answers (packages/server/src/features/ledger/schema.ts). */
export interface PublicProblemProofs {
  checkpoint: (ServedCheckpoint & { origin: string }) | null;
  events: (EventInclusion & { eventId: number; at: string; type: string })[];
}

export const getPublishedProblemProofs = (id: string) =>
  get<PublicProblemProofs>(`/api/public/problems/${encodeURIComponent(id)}/proofs`);
