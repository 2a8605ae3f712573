import { homeFor } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/errors/api-error-alert';
import { AppShell } from '../../components/layout/app-shell';
import { useLogout } from '../../features/auth/api/logout';
import { useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { paths } from '../../lib/paths';
import { mobileNavFor, navigationFor } from '../navigation';

/** The signed-in frame: the session's user decides navigation, header details and phone layout. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const logout = useLogout();
  const navigate = useNavigate();

  return (
    <AppShell
      account={{
        userName: user.displayName,
        roleLabel: t(`roles.${user.role ?? 'buyer'}`),
        organizationName: user.organization?.name ?? null,
      }}
      homePath={paths.home(homeFor(user))}
      navItems={navigationFor(user, t)}
      mobileNav={mobileNavFor(user)}
      onSignOut={() =>
        logout.mutate(undefined, { onSuccess: () => navigate(paths.login, { replace: true }) })
      }
      signingOut={logout.isPending}
    >
      {logout.isError && <ApiErrorAlert error={logout.error} />}
      <Outlet />
    </AppShell>
  );
}
