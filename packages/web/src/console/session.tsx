import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken, setSessionLostHandler } from '../api.ts';
import { computeAccess, type Access } from './access.ts';
import { fetchMe, signOut as apiSignOut, type MeView } from './services/session.ts';

type Status = 'loading' | 'ready' | 'error';

interface Session {
  status: Status;
  /** Set when `GET /api/auth/me` failed for another reason than 401 (server down). */
  error: Error | null;
  me: MeView | null;
  access: Access | null;
  signedIn(me: MeView): void;
  signOut(): Promise<void>;
  reload(): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [error, setError] = useState<Error | null>(null);
  const [me, setMe] = useState<MeView | null>(null);

  const reload = useCallback(() => {
    setStatus('loading');
    fetchMe().then(
      (user) => {
        setMe(user);
        setError(null);
        setStatus('ready');
      },
      (err: Error) => {
        setError(err);
        setStatus('error');
      },
    );
  }, []);

  useEffect(() => {
    reload();
    setSessionLostHandler(() => {
      setCsrfToken(null);
      setMe(null);
    });
    return () => setSessionLostHandler(null);
  }, [reload]);

  const signOut = useCallback(async () => {
    await apiSignOut().catch(() => undefined);
    setCsrfToken(null);
    setMe(null);
  }, []);

  const value = useMemo<Session>(
    () => ({
      status,
      error,
      me,
      access: me ? computeAccess(me) : null,
      signedIn: (user) => setMe(user),
      signOut,
      reload,
    }),
    [status, error, me, signOut, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For pages inside the signed-in layout: the user and their access flags are always there. */
export function useSignedIn(): { me: MeView; access: Access } {
  const { me, access } = useSession();
  if (!me || !access) throw new Error('useSignedIn outside the signed-in layout');
  return { me, access };
}
