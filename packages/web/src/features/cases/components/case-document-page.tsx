import '../../../components/case-documents/case-documents.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentMeta } from '../../../components/case-documents/document-facts';
import { NoticeDocument } from '../../../components/case-documents/notice-document';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { consolePaths } from '../../../lib/paths';
import { useCase } from '../api/cases';

/** A document of a case, laid out for printing (the browser's print prints only the document). */
export function CaseDocumentPage({ caseId, documentId }: { caseId: string; documentId: string }) {
  const { t } = useTranslation();
  const found = useCase(caseId);
  if (found.isPending) return <Loading />;
  if (found.isError) return <ApiErrorAlert error={found.error} onRetry={() => void found.refetch()} />;
  const document = found.data.documents.find((candidate) => candidate.id === documentId);
  return (
    <div className="page" data-page="case-document">
      <header className="page-header page-header-actions">
        <div>
          <p className="eyebrow">
            <Link to={consolePaths.regulator.case(caseId)}>{found.data.title}</Link>
          </p>
          {document && <DocumentMeta document={document} />}
        </div>
        <button type="button" className="button" onClick={() => window.print()} data-testid="notice-print">
          {t('notices.print.button')}
        </button>
      </header>
      {document ? <NoticeDocument document={document} /> : <EmptyState>{t('notices.empty')}</EmptyState>}
    </div>
  );
}
