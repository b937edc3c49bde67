import type { PublicBulletinView } from '@rectify/domain/schemas/bulletins';
import { api, get } from '../../api.ts';

/** Published bulletins (GET /api/public/bulletins), masked by the server. */
export interface BulletinFilter {
  q?: string;
  region?: string;
  kind?: string;
  page: number;
  pageSize: number;
}
export interface PublicBulletinPage {
  items: PublicBulletinView[];
  total: number;
  page: number;
  pageSize: number;
}

export const listBulletins = (filter: BulletinFilter) =>
  get<PublicBulletinPage>('/api/public/bulletins', { ...filter });
export const getBulletin = (id: string) => get<PublicBulletinView>(`/api/public/bulletins/${encodeURIComponent(id)}`);

/** The light account (features/public-accounts): sign in with a code sent to a phone or e-mail, see one's reports. */
export interface MyClue {
  trackingCode: string;
  title: string;
  state: string;
  stateLabel: string;
  receivedAt: string;
}
export const requestSignInCode = (contact: string) =>
  api<{ sent: true; expiresInSeconds: number }>('POST', '/api/public/account/code', { contact });
export const signIn = (contact: string, code: string) =>
  api<{ contact: string }>('POST', '/api/public/account/sign-in', { contact, code });
export const currentAccount = () => get<{ contact: string }>('/api/public/account');
export const myClues = () => get<{ items: MyClue[] }>('/api/public/account/clues').then((r) => r.items);
export const signOut = () => api<{ ok: true }>('POST', '/api/public/account/sign-out', {});
