import { type Home, homeFor } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { paths, safeNextPath } from '../../../lib/paths';
import { useSession } from '../api/get-session';
import { isManager, useSignedInUser } from '../hooks/use-signed-in-user';

function CheckingSession() {
  const { t } = useTranslation();
  return (
    <p className="page-status muted" role="status">
      {t('auth.checking')}
    </p>
  );
}

/** Signed-out visitors go to /login, remembering where they were headed. */
export function RequireSession() {
  const { data, error, isPending, refetch } = useSession();
  const location = useLocation();
  if (data) return <Outlet />;
  if (data === null) {
    const next = `${location.pathname}${location.search}`;
    const query = next === paths.root ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`${paths.login}${query}`} replace />;
  }
  if (isPending) return <CheckingSession />;
  return (
    <div className="page-status">
      <ApiErrorAlert error={error} onRetry={() => void refetch()} />
    </div>
  );
}

/** Signed-in people have no business on /login or /signup: send them on (to `?next=` or home). */
export function RedirectIfSignedIn() {
  const { data, isPending } = useSession();
  const [searchParams] = useSearchParams();
  if (isPending) return <CheckingSession />;
  if (data) {
    return <Navigate to={safeNextPath(searchParams.get('next')) ?? paths.home(homeFor(data.user))} replace />;
  }
  return <Outlet />;
}

/** Each kind of account has one home; opening another kind's home lands on your own. */
export function RequireHome({ home }: { home: Home }) {
  const user = useSignedInUser();
  const own = homeFor(user);
  return own === home ? <Outlet /> : <Navigate to={paths.home(own)} replace />;
}

/** Organisation settings are for owners and admins; the API refuses others anyway, this avoids the dead end. */
export function RequireManager() {
  const user = useSignedInUser();
  return isManager(user) ? <Outlet /> : <Navigate to={paths.home(homeFor(user))} replace />;
}

export function RedirectToHome() {
  const user = useSignedInUser();
  return <Navigate to={paths.home(homeFor(user))} replace />;
}
