import type { MemberRole } from '@jadelive/shared';
import { useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { MyComplaintsPage } from '../../features/complaints/components/my-complaints-page';
import { RegulatorComplaintsPage } from '../../features/complaints/components/regulator-complaints-page';
import { SellerComplaintsPage } from '../../features/complaints/components/seller-complaints-page';

/** Owners, admins and staff speak for the shop; a host reads its complaints. */
const ANSWERERS: readonly MemberRole[] = ['owner', 'admin', 'staff'];

export const BuyerComplaintsRoute = MyComplaintsPage;

export function SellerComplaintsRoute() {
  const { role } = useSignedInUser();
  return <SellerComplaintsPage canAnswer={role !== null && ANSWERERS.includes(role)} />;
}

/** The regulator's complaint leads; casework plugs its case action into `renderCaseAction`. */
export const RegulatorComplaintsRoute = () => <RegulatorComplaintsPage />;
