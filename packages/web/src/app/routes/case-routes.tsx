import { useParams } from 'react-router';
import { useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { CaseDocumentPage } from '../../features/cases/components/case-document-page';
import { CasePage } from '../../features/cases/components/case-page';
import { CasesPage } from '../../features/cases/components/cases-page';
import { LeadsPage } from '../../features/cases/components/leads-page';
import { EvidencePackageButton } from '../../features/evidence/components/evidence-package-button';
import { NoticePage } from '../../features/notices/components/notice-page';
import { NoticesPage } from '../../features/notices/components/notices-page';
import { consolePaths } from '../../lib/paths';

// Casework: the regulator's leads and cases; the documents they address to sellers, read and
// answered by the seller and read along by the operators of its bases.

export const RegulatorLeadsRoute = LeadsPage;
export const RegulatorCasesRoute = CasesPage;

export function RegulatorCaseRoute() {
  const { caseId = '' } = useParams();
  const user = useSignedInUser();
  return (
    <CasePage
      key={caseId}
      caseId={caseId}
      userId={user.id}
      evidenceAction={(detail) => <EvidencePackageButton caseId={detail.id} />}
    />
  );
}

export function RegulatorCaseDocumentRoute() {
  const { caseId = '', documentId = '' } = useParams();
  return <CaseDocumentPage caseId={caseId} documentId={documentId} />;
}

export const SellerNoticesRoute = () => (
  <NoticesPage readOnly={false} detailPath={consolePaths.seller.notice} />
);

export function SellerNoticeRoute() {
  const { documentId = '' } = useParams();
  return (
    <NoticePage
      key={documentId}
      documentId={documentId}
      readOnly={false}
      backPath={consolePaths.seller.notices}
    />
  );
}

export const OperatorNoticesRoute = () => <NoticesPage readOnly detailPath={consolePaths.operator.notice} />;

export function OperatorNoticeRoute() {
  const { documentId = '' } = useParams();
  return (
    <NoticePage key={documentId} documentId={documentId} readOnly backPath={consolePaths.operator.notices} />
  );
}
