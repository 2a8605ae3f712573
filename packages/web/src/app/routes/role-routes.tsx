import type { MemberRole } from '@jadelive/shared';
import { useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { CertificatesPage } from '../../features/certificates/components/certificates-page';
import { IssueCertificatePage } from '../../features/lab/components/issue-certificate-page';
import { LabCertificatesPage } from '../../features/lab/components/lab-certificates-page';
import { ListingEditorPage } from '../../features/listings/components/listing-editor-page';
import { ListingsPage } from '../../features/listings/components/listings-page';

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
