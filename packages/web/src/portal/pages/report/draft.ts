import { useCallback, useState } from 'react';
import { publicClueSubmitBody, type PublicClueSubmit } from '@rectify/domain/schemas/clues';

/** What the report form holds while a person writes (strings as typed; the payload is built on submit). */
export interface ReportDraft {
  title: string;
  body: string;
  category: string;
  regionCode: string;
  address: string;
  location: { lat: number; lng: number } | null;
  attachments: string[];
  anonymous: boolean;
  contact: { name: string; phone: string; email: string };
  /** Honeypot: people never see it, so it stays empty; bots fill it. */
  website: string;
}

export const emptyDraft = (): ReportDraft => ({
  title: '',
  body: '',
  category: '',
  regionCode: '',
  address: '',
  location: null,
  attachments: [],
  anonymous: false,
  contact: { name: '', phone: '', email: '' },
  website: '',
});

/** A fresh idempotency key: random, so two drafts never share one. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const text = (v: string) => (v.trim() === '' ? undefined : v.trim());

/**
 * The submit body for a draft: empty optional fields are left out, an anonymous report carries no contact, and the
 * draft's idempotency key rides along so a retry of the same draft never creates a second report.
 */
export function toSubmitBody(draft: ReportDraft, idempotencyKey: string): PublicClueSubmit {
  const contact = {
    name: text(draft.contact.name),
    phone: text(draft.contact.phone),
    email: text(draft.contact.email),
  };
  const hasContact = !draft.anonymous && Object.values(contact).some((v) => v !== undefined);
  return {
    title: draft.title.trim(),
    body: draft.body.trim(),
    category: text(draft.category),
    regionCode: draft.regionCode,
    address: text(draft.address),
    ...(draft.location && { lat: draft.location.lat, lng: draft.location.lng }),
    ...(draft.attachments.length > 0 && { attachments: draft.attachments }),
    ...(hasContact && { contact }),
    anonymous: draft.anonymous,
    idempotencyKey,
    ...(draft.website !== '' && { website: draft.website }),
  };
}

/** Field → first message, with the same schema the server validates the submit with. */
export function validateDraft(body: PublicClueSubmit): Record<string, string> {
  const result = publicClueSubmitBody.safeParse(body);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.');
    if (!(field in errors)) errors[field] = issue.message;
  }
  return errors;
}

/**
 * One idempotency key per draft: made when the draft starts, kept across every retry of it (a lost answer, a
 * timeout, a double tap), replaced only when the person starts a new report.
 */
export function useDraftKey(): { key: string; renew(): void } {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return { key, renew };
}
