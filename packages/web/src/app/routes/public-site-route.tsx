import { homeFor } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { SiteLayout } from '../../components/layout/site-layout';
import { useSession } from '../../features/auth/api/get-session';
import { paths, publicPaths } from '../../lib/paths';

/** Public pages render at once for everyone; the session only decides the header's account link. */
export function PublicSiteRoute() {
  const { t } = useTranslation();
  const { data } = useSession();
  const account = data
    ? { to: paths.home(homeFor(data.user)), label: t('catalog.header.console') }
    : { to: paths.login, label: t('catalog.header.signIn') };
  return (
    <SiteLayout account={account} catalogPath={publicPaths.catalog} verifyPath={publicPaths.verify}>
      <Outlet />
    </SiteLayout>
  );
}
