/**
 * Who is signed in, and the guards that depend on it. The current user is one TanStack Query entry (`['me']`)
 * read from `GET /api/auth/me`; `null` means signed out. A 401 from any call empties it, which sends the guard
 * back to the sign-in page with the intended address in `?next=`; a 403 PASSWORD_CHANGE_REQUIRED re-reads it,
 * which sends the guard to the forced password change.
 */
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import type { Me } from '@jinke/core/accounts/accounts.contract.ts';
import { accountKeys, fetchMe, logout } from '../features/accounts/api.ts';
import { setSessionEvents } from '../lib/http.ts';
import { useI18n } from './i18n.tsx';
import { rolesFor, type MenuKey } from './menu.ts';
import { appText } from './messages.ts';
import { ForbiddenPage } from './pages/forbidden-page.tsx';
import { PageSpin } from '../ui/page-spin.tsx';

export function useMe() {
  return useQuery({ queryKey: accountKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user; only for components rendered inside `RequireAuth`. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser is only available inside RequireAuth');
  return data;
}

/** Only same-site paths may be a redirect target, so `?next=` cannot send the user elsewhere. */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login') || value.startsWith('/change-password')) return '/';
  return value;
}

export function loginPath(next: string): string {
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

/**
 * Set while the user signs out on purpose, so the guard sends them to a plain sign-in page instead of one that
 * would bring them back to the page they just left. A session that expires keeps the address (`?next=`).
 */
let signingOut = false;

export function clearSigningOut(): void {
  signingOut = false;
}

function signedOut(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== accountKeys.me[0] });
  queryClient.setQueryData(accountKeys.me, null);
}

/** Connects the http client's session events to the query cache; mounted once under the providers. */
export function SessionEventsBridge() {
  const queryClient = useQueryClient();
  useEffect(() => {
    setSessionEvents({
      onUnauthenticated: () => {
        signingOut = false;
        signedOut(queryClient);
      },
      onPasswordChangeRequired: () => void queryClient.invalidateQueries({ queryKey: accountKeys.me }),
    });
    return () => setSessionEvents({});
  }, [queryClient]);
  return null;
}

export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { t } = useI18n();
  return async () => {
    try {
      await logout();
    } catch (error) {
      // The session may already be gone on the server; the browser signs out regardless.
      if (error instanceof Error) void message.warning(t(appText.signOutFailed, { message: error.message }));
    }
    signingOut = true;
    signedOut(queryClient);
    await navigate('/login', { replace: true });
  };
}

/**
 * Renders its children for a signed-in user. Anonymous → sign-in page (remembering where they were going);
 * a user who must change the initial password → the change page, whatever they asked for.
 */
export function RequireAuth({ children, passwordChangePage = false }: { children: ReactNode; passwordChangePage?: boolean }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <PageSpin fullScreen />;
  if (error) throw error;
  const here = `${location.pathname}${location.search}`;
  if (!me) return <Navigate to={loginPath(passwordChangePage || signingOut ? '/' : here)} replace />;
  if (me.mustChangePassword && !passwordChangePage) {
    return <Navigate to={`/change-password?next=${encodeURIComponent(here)}`} replace />;
  }
  return children;
}

/** Renders its children when the user's role has the menu entry `entry`, the 403 page otherwise. */
export function RequireEntry({ entry, children }: { entry: MenuKey; children: ReactNode }) {
  const me = useCurrentUser();
  if (!rolesFor(entry).includes(me.role)) return <ForbiddenPage />;
  return children;
}
