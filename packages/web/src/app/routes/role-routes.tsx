import type { MemberRole } from '@jadelive/shared';
import { isManager, useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { SellerBasesPage } from '../../features/base-membership/components/seller-bases-page';
import { BaseDetailPage } from '../../features/bases/components/base-detail-page';
import { OperatorBasesPage } from '../../features/bases/components/operator-bases-page';
import { WeekCalendarPage } from '../../features/bases/components/week-calendar-page';
import { CertificatesPage } from '../../features/certificates/components/certificates-page';
import { FlagsPage } from '../../features/compliance/components/flags-page';
import { LiveFlagsPage } from '../../features/compliance/components/live-flags-page';
import { IssueCertificatePage } from '../../features/lab/components/issue-certificate-page';
import { LabCertificatesPage } from '../../features/lab/components/lab-certificates-page';
import { ListingEditorPage } from '../../features/listings/components/listing-editor-page';
import { ListingsPage } from '../../features/listings/components/listings-page';
import { NotificationsPage } from '../../features/notifications/components/notifications-page';
import { PendingCertificatesPage } from '../../features/platform-admin/components/pending-certificates-page';
import { ProfilePage } from '../../features/storefront-profile/components/profile-page';

const EDITORS: readonly MemberRole[] = ['owner', 'admin', 'staff'];

/** Owners, admins and staff change goods and certificates; a host reads them before going on air. */
function useCanEdit(): boolean {
  const { role } = useSignedInUser();
  return role !== null && EDITORS.includes(role);
}

export const SellerCertificatesRoute = () => <CertificatesPage canEdit={useCanEdit()} />;
export const SellerListingsRoute = () => <ListingsPage canEdit={useCanEdit()} />;
export const SellerListingEditorRoute = () => <ListingEditorPage canEdit={useCanEdit()} />;
export const LabCertificatesRoute = () => <LabCertificatesPage canEdit={useCanEdit()} />;
export const LabIssueRoute = () => <IssueCertificatePage />;

function SellerProfile() {
  const user = useSignedInUser();
  return <ProfilePage canEdit={isManager(user)} shopSlug={user.organization?.slug ?? null} />;
}

export const SellerProfileRoute = () => <SellerProfile />;
export const SellerNotificationsRoute = () => <NotificationsPage />;
export const SellerBasesRoute = () => <SellerBasesPage />;
export const OperatorBasesRoute = () => <OperatorBasesPage />;
export const OperatorBaseRoute = () => <BaseDetailPage />;
export const OperatorCalendarRoute = () => <WeekCalendarPage />;
export const RegulatorFlagsRoute = () => <FlagsPage />;
export const RegulatorLiveRoute = () => <LiveFlagsPage />;
export const PlatformCertificatesRoute = () => <PendingCertificatesPage />;
