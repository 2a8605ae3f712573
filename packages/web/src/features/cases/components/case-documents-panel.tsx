import '../../../components/case-documents/case-documents.css';
import { type CaseDetail, type CaseDocument, reviewResponseBodySchema } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentMeta, DocumentResponses } from '../../../components/case-documents/document-facts';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { useDateTimeFormat } from '../../../i18n/format';
import { consolePaths } from '../../../lib/paths';
import { useReviewResponse } from '../api/case-actions';
import { ReasonField } from './reason-field';

/** The officer's review of a pending correction: accept it, or send it back with what is still wrong. */
function ReviewForm({
  caseId,
  documentId,
  responseId,
}: {
  caseId: string;
  documentId: string;
  responseId: string;
}) {
  const { t } = useTranslation();
  const review = useReviewResponse(caseId);
  const [reason, setReason] = useState('');
  const decide = (accept: boolean) => (event: FormEvent) => {
    event.preventDefault();
    const parsed = reviewResponseBodySchema.safeParse({ accept, reason });
    if (parsed.success) review.mutate({ documentId, responseId, body: parsed.data });
  };
  return (
    <form className="form" onSubmit={decide(true)} data-testid="review-form">
      <ReasonField
        value={reason}
        onChange={setReason}
        label={t('cases.documents.reviewReason')}
        testId="review-reason"
      />
      {review.isError && <ApiErrorAlert error={review.error} />}
      <div className="button-row">
        <button
          className="button button-primary button-small"
          type="submit"
          disabled={review.isPending}
          data-testid="review-accept"
        >
          {t('cases.documents.accept')}
        </button>
        <button
          className="button button-danger button-small"
          type="button"
          disabled={review.isPending || reason.trim().length < 2}
          onClick={decide(false)}
          data-testid="review-reject"
        >
          {t('cases.documents.reject')}
        </button>
      </div>
    </form>
  );
}

function DocumentCard({ caseId, document }: { caseId: string; document: CaseDocument }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <li
      className="case-document"
      data-document={document.id}
      data-kind={document.kind}
      data-status={document.status}
    >
      <div className="page-header-actions">
        <p>
          <strong>{t(`notices.kinds.${document.kind}`)}</strong> · {document.number} ·{' '}
          <span className="fine-print">
            {document.issuedBy} · {formatDate(document.issuedAt)}
          </span>
        </p>
        <Link className="button button-small" to={consolePaths.regulator.caseDocument(caseId, document.id)}>
          {t('cases.documents.print')}
        </Link>
      </div>
      <DocumentMeta document={document} />
      <DocumentResponses
        document={document}
        review={
          document.kind === 'rectification'
            ? (responseId) => <ReviewForm caseId={caseId} documentId={document.id} responseId={responseId} />
            : undefined
        }
      />
    </li>
  );
}

/** The documents the case addressed to the party, with its answers and the officers' reviews. */
export function CaseDocumentsPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section className="panel" data-testid="case-documents">
      <h2 className="section-heading">{t('cases.detail.documentsHeading')}</h2>
      {detail.documents.length === 0 ? (
        <p className="muted">{t('cases.detail.noDocuments')}</p>
      ) : (
        <ul className="case-document-list">
          {detail.documents.map((document) => (
            <DocumentCard key={document.id} caseId={detail.id} document={document} />
          ))}
        </ul>
      )}
    </section>
  );
}
