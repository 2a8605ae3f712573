import '../../../components/case-documents/case-documents.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DocumentMeta, DocumentResponses } from '../../../components/case-documents/document-facts';
import { NoticeDocument } from '../../../components/case-documents/notice-document';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Loading } from '../../../components/ui/status';
import { useMarkNoticeRead, useNotice } from '../api/notices';
import { ResponseForm } from './response-form';

interface NoticePageProps {
  documentId: string;
  /** A base operator reads along: no receipt, no answer. */
  readOnly: boolean;
  backPath: string;
}

/**
 * One document as its party reads it: opening it signs the read receipt, the document prints as
 * SAMR lays it out, and the seller answers here while the document takes an answer.
 */
export function NoticePage({ documentId, readOnly, backPath }: NoticePageProps) {
  const { t } = useTranslation();
  const notice = useNotice(documentId);
  const markRead = useMarkNoticeRead(documentId);
  const unread = notice.data !== undefined && notice.data.firstRead === null;
  const { mutate: signReceipt, isIdle } = markRead;
  useEffect(() => {
    if (!readOnly && unread && isIdle) signReceipt();
  }, [readOnly, unread, isIdle, signReceipt]);

  if (notice.isPending) return <Loading />;
  if (notice.isError) return <ApiErrorAlert error={notice.error} onRetry={() => void notice.refetch()} />;
  const document = notice.data;
  return (
    <div className="page" data-page="notice" data-status={document.status} data-kind={document.kind}>
      <header className="page-header page-header-actions">
        <div>
          <p className="eyebrow">
            <Link to={backPath}>{t('notices.back')}</Link>
          </p>
          <h1>
            {t(`notices.kinds.${document.kind}`)} · {document.number}
          </h1>
          <DocumentMeta document={document} />
        </div>
        <button type="button" className="button" onClick={() => window.print()} data-testid="notice-print">
          {t('notices.print.button')}
        </button>
      </header>
      {markRead.isError && <ApiErrorAlert error={markRead.error} />}
      <NoticeDocument document={document} />
      <section className="panel">
        <DocumentResponses document={document} />
      </section>
      {!readOnly &&
        (document.mayRespond ? (
          <ResponseForm document={document} />
        ) : (
          <p className="muted" data-testid="notice-closed">
            {t('notices.respond.closed')}
          </p>
        ))}
    </div>
  );
}
