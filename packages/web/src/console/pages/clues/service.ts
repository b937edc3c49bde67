import type { ClueCommandType } from '@rectify/domain/clue/commands';
import type { ClueState } from '@rectify/domain/clue/states';
import type { ClueSuggestionsView } from '@rectify/domain/schemas/analytics';
import { api, get, withQuery } from '../../../api.ts';
import type { Page } from '../../services/org.ts';
import type { ClueFilters } from './filters.ts';

/** A clue as staff see it (GET /api/clues): full text, never the contact, analytics as suggestions. */
export interface ClueRow {
  id: string;
  trackingCode: string;
  channel: 'portal' | 'hotline' | 'open311' | 'platform' | 'member' | 'staff';
  externalRef: string | null;
  regionCode: string;
  townCode: string | null;
  title: string;
  body: string;
  category: string | null;
  location: { lat: number; lng: number } | null;
  address: string | null;
  attachments: string[];
  anonymous: boolean;
  hasContact: boolean;
  state: ClueState;
  stateLabel: string;
  moderation: 'ok' | 'held' | 'spam';
  moderationReason: string | null;
  mergedInto: string | null;
  problemId: string | null;
  handlingUnitId: string | null;
  suggestions: ClueSuggestionsView | null;
  receivedAt: string;
  firstReplyAt: string | null;
  rating: string | null;
  ratingComment: string | null;
  updatedAt: string;
  version: number;
}

export interface ClueDetail extends ClueRow {
  /** The commands the caller may fire now: the drawer shows exactly these. */
  allowedActions: ClueCommandType[];
}

export interface ClueSettings {
  rejectReasons: string[];
  categories: { code: string; name: string; description: string }[];
}

export interface ClueEvent {
  id: string;
  at: string;
  actorUsername: string | null;
  type: string;
  payload: Record<string, unknown>;
}

export interface ClueContact {
  contact: { name?: string; phone?: string; email?: string } | null;
  anonymous: boolean;
}

export const listClues = (f: ClueFilters) => get<Page<ClueRow>>('/api/clues', { ...f });
export const cluesCsvUrl = (f: ClueFilters) =>
  withQuery('/api/clues', { ...f, page: undefined, pageSize: undefined, format: 'csv' });
export const getClue = (id: string) => get<ClueDetail>(`/api/clues/${id}`);
export const getClueSettings = () => get<ClueSettings>('/api/clues/settings');
export const getClueEvents = (id: string) => get<{ items: ClueEvent[] }>(`/api/clues/${id}/events`);
export const fireClueCommand = (id: string, command: ClueCommandType, version: number, input: unknown) =>
  api<ClueDetail>('POST', `/api/clues/${id}/commands/${command}`, { version, input });
export const moderateClue = (id: string, version: number, decision: 'release' | 'spam', note?: string) =>
  api<ClueDetail>('POST', `/api/clues/${id}/moderation`, { version, decision, note });
/** Every reveal is written to the audit log by the server. */
export const revealContact = (id: string) => get<ClueContact>(`/api/clues/${id}/contact`);
