import type { Home } from '@jadelive/shared';
import { isManager, useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { CaseDeadlinesPanel } from '../../features/cases/components/case-deadlines-panel';
import { BuyerFollowPanels } from '../../features/follows/components/buyer-follow-panels';
import { ShopFollowers } from '../../features/follows/components/shop-followers';
import { HomeDashboard } from '../../features/home/components/home-dashboard';
import { OrganizationsTable } from '../../features/platform-admin/components/organizations-table';

export function HomeRoute({ home }: { home: Home }) {
  const user = useSignedInUser();
  const manager = isManager(user);
  return (
    <HomeDashboard
      home={home}
      viewer={{
        displayName: user.displayName,
        organizationName: user.organization?.name ?? null,
        isManager: manager,
        isHost: user.role === 'host',
      }}
    >
      {home === 'platform' && manager && <OrganizationsTable />}
      {home === 'buyer' && <BuyerFollowPanels />}
      {home === 'seller' && <ShopFollowers />}
      {home === 'regulator' && <CaseDeadlinesPanel />}
    </HomeDashboard>
  );
}
