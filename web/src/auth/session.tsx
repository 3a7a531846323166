import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onSessionExpired, session as stored } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Me } from '../api/types.ts';
import { navigate } from '../router.ts';

interface Session {
  /** undefined while the session cookie is being checked */
  me: Me | null | undefined;
  /** why the session could not be checked (the server is down, not an expired session) */
  error: unknown;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(() => (stored.present() ? undefined : null));
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    onSessionExpired(() => {
      setMe(null);
      navigate({ page: 'login' });
    });
    if (!stored.present()) return;
    api.me().then(setMe, (e: unknown) => {
      // an expired session just means signing in again; anything else is worth showing
      if (!(e instanceof ApiError && e.status === 401)) setError(e);
      setMe(null);
    });
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    // the server sets the session cookies; the token in the body is for API clients
    const session = await api.login(email, password);
    setError(null);
    setMe(session.user);
  }, []);

  const signOut = useCallback(async () => {
    await api.logout().catch(() => undefined);
    stored.forget();
    setMe(null);
    navigate({ page: 'login' });
  }, []);

  const value = useMemo(() => ({ me, error, signIn, signOut }), [me, error, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
