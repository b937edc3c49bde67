import type { z } from 'zod';
import type { campaignView } from '@rectify/domain/schemas/campaigns';
import type { eventView } from '@rectify/domain/schemas/org';
import type { problemDetailView } from '@rectify/domain/schemas/problems';
import type {
  caseBody,
  mechanismBody,
  policyItemBody,
  suggestionAnswerBody,
  suggestionBody,
} from '@rectify/domain/schemas/follow-up';
import type { ProblemCommandType } from '@rectify/domain/problem/commands';
import type { PlanVersion } from '@rectify/domain/problem/plan-diff';
import type { ProblemFlags } from '@rectify/domain/problem/warning';
import type { EvidenceFile } from '../../services/evidence.ts';
import type { Publication } from '../lists/service.ts';
import { api, get } from '../../../api.ts';

/** The problem as `GET /api/problems/:id` returns it; `snapshot` and `flags` typed as the server fills them. */
export type ProblemDetail = Omit<z.infer<typeof problemDetailView>, 'snapshot' | 'flags' | 'allowedActions'> & {
  snapshot: SnapshotJson;
  flags: ProblemFlags;
  allowedActions: ProblemCommandType[];
};

/** The parts of the stored snapshot (domain ProblemSnapshot, dates as ISO strings) the page shows. */
export interface SnapshotJson {
  assignment: {
    leadUnitId: string;
    coUnitIds: string[];
    responsibleLeader: string;
    responsiblePerson: string;
    deadline: string;
    assignedAt: string;
  } | null;
  extendedDeadline: string | null;
  pendingExtension: { requestedDeadline: string; reason: string; requestedAt: string } | null;
  planVersion: number;
  lastProgressPercent: number | null;
  linkedClueIds: string[];
}

export type ProblemEvent = z.infer<typeof eventView>;

export interface ProblemEvents {
  items: ProblemEvent[];
  /** Evidence named by the events, by SHA-256. */
  files: Record<string, EvidenceFile>;
}

/** What `GET /api/ledger/subjects/problem/:id` says about one event (packages/server/src/features/ledger/schema.ts). */
export interface EventProof {
  eventId: number;
  at: string;
  type: string;
  status: 'pending' | 'sequenced' | 'published';
  leafIndex: number | null;
  leaf: string | null;
  leafHash: string | null;
  inclusionProof: string[] | null;
}

export interface SubjectProofs {
  checkpoint: { origin: string; size: number; root: string; note: string } | null;
  events: EventProof[];
}

export interface PlanRecord {
  version: number;
  submittedAt: string;
  submittedBy: string | null;
  plan: PlanVersion;
  review: { outcome: 'approved' | 'returned' | 'pending'; comments: string | null };
  changes: string[];
}

export interface Mechanism {
  id: string;
  kind: 'policy' | 'regulation' | 'procedure';
  title: string;
  documentNo: string | null;
  summary: string;
  issuedOn: string | null;
}

export interface Suggestion {
  id: string;
  memberId: string;
  text: string;
  answer: 'adopted' | 'partly_adopted' | 'not_adopted' | null;
  answerReason: string | null;
  answeredAt: string | null;
  createdAt: string;
  version: number;
}

export interface LinkedClue {
  id: string;
  trackingCode: string;
  channel: string;
  title: string;
  stateLabel: string;
  receivedAt: string;
  rating: string | null;
}

export type Campaign = z.infer<typeof campaignView>;

const base = (id: string) => `/api/problems/${id}`;

export const getProblem = (id: string) => get<ProblemDetail>(base(id));
export const getProblemEvents = (id: string) => get<ProblemEvents>(`${base(id)}/events`);
export const getProofs = (id: string) => get<SubjectProofs>(`/api/ledger/subjects/problem/${id}`);
export const getPlans = (id: string) => get<{ items: PlanRecord[] }>(`${base(id)}/plans`).then((r) => r.items);
export const getMechanisms = (id: string) => get<{ items: Mechanism[] }>(`${base(id)}/mechanisms`).then((r) => r.items);
export const getSuggestions = (id: string) =>
  get<{ items: Suggestion[] }>(`${base(id)}/suggestions`).then((r) => r.items);
export const getLinkedClues = (id: string) =>
  get<{ items: LinkedClue[] }>('/api/clues', { problem: id, pageSize: 50 }).then((r) => r.items);
export const getCampaign = (id: string) => get<Campaign>(`/api/campaigns/${id}`);

/** Fires a lifecycle command at the version the page read; a stale version answers 409 with `currentVersion`. */
export const fireCommand = (id: string, command: ProblemCommandType, version: number, input: unknown) =>
  api<ProblemDetail>('POST', `${base(id)}/commands/${command}`, { version, input });

export type SuggestionInput = z.infer<typeof suggestionBody>;
export type SuggestionAnswerInput = z.infer<typeof suggestionAnswerBody>;
export type MechanismInput = z.input<typeof mechanismBody>;
export type CaseInput = z.infer<typeof caseBody>;
export type PolicyItemInput = z.infer<typeof policyItemBody>;

export const makeSuggestion = (problemId: string, body: SuggestionInput) =>
  api<Suggestion>('POST', `${base(problemId)}/suggestions`, body);
/** At the suggestion's version; a second answer is refused with 409. */
export const answerSuggestion = (id: string, body: SuggestionAnswerInput) =>
  api<Suggestion>('POST', `/api/suggestions/${id}/answer`, body);
export const recordMechanism = (body: MechanismInput) =>
  api<{ id: string; linked: number }>('POST', '/api/mechanisms', body);
export const createCase = (body: CaseInput) => api<{ id: string }>('POST', '/api/cases', body);
export const proposePolicyItem = (body: PolicyItemInput) => api<{ id: string }>('POST', '/api/policy-items', body);

/** What the portal shows now: the last `problem.publication_set` event's settings (nothing when never set). */
export function currentPublication(events: readonly ProblemEvent[]): Publication {
  const last = events
    .filter((e) => e.type === 'problem.publication_set')
    .reduce<ProblemEvent | undefined>((a, e) => (a && a.id > e.id ? a : e), undefined);
  const p = (last?.payload ?? {}) as Partial<Publication>;
  return { published: !!p.published, measures: !!p.measures, progress: !!p.progress, result: !!p.result };
}
