import { beijingMidnight, type CaseDocument, calendarDaysLeft } from '@jadelive/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../../i18n/format';
import { imageUrl } from '../../lib/images';

const DAY_MS = 86_400_000;

/** The deadline of a rectification notice with the Beijing days left (the whole due day counts). */
export function DueDay({ dueOn }: { dueOn: string }) {
  const { t } = useTranslation();
  const days = calendarDaysLeft(new Date(), new Date(beijingMidnight(dueOn).getTime() + DAY_MS - 1));
  const text =
    days < 0
      ? t('notices.duePassed', { dueOn })
      : days === 0
        ? t('notices.dueToday', { dueOn })
        : t('notices.dueLeft', { dueOn, days });
  return (
    <span
      className={days <= 1 ? 'status status-warning' : 'status'}
      data-testid="notice-due"
      data-days={days}
    >
      {text}
    </span>
  );
}

/** Status, deadline and read receipt of a document, as one line. */
export function DocumentMeta({ document }: { document: CaseDocument }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <p className="document-meta">
      <span className="status" data-testid="notice-status" data-status={document.status}>
        {t(`notices.statuses.${document.status}`)}
      </span>
      {document.dueOn && <DueDay dueOn={document.dueOn} />}
      <span className="fine-print" data-testid="notice-receipt" data-read={document.firstRead ? 'yes' : 'no'}>
        {document.firstRead
          ? t('notices.readReceipt', { name: document.firstRead.by, time: formatDate(document.firstRead.at) })
          : t('notices.unread')}
      </span>
    </p>
  );
}

/**
 * The party's answers to a document, oldest first, with the officer's review; `review` renders the
 * officer's accept / reject form under a pending answer.
 */
export function DocumentResponses({
  document,
  review,
}: {
  document: CaseDocument;
  review?: (responseId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <section data-testid="notice-responses">
      <h3 className="field-label">{t('notices.responses.heading')}</h3>
      {document.responses.length === 0 ? (
        <p className="muted">{t('cases.documents.noResponses')}</p>
      ) : (
        <ol className="response-list">
          {document.responses.map((response) => (
            <li
              key={response.id}
              className="response-item"
              data-response={response.id}
              data-review={response.review ?? 'pending'}
            >
              <p className="fine-print">
                {t('notices.responses.by', {
                  name: response.respondedBy,
                  time: formatDate(response.respondedAt),
                })}
              </p>
              <p data-testid="response-statement">{response.statement}</p>
              {response.listing && (
                <p className="fine-print">
                  {t('notices.responses.listing', { title: response.listing.title })}
                </p>
              )}
              {response.hearingRequested && <p className="status">{t('notices.responses.hearing')}</p>}
              {response.imageIds.length > 0 && (
                <ul className="thumb-list">
                  {response.imageIds.map((imageId) => (
                    <li key={imageId} className="thumb">
                      <img src={imageUrl(imageId)} alt="" />
                    </li>
                  ))}
                </ul>
              )}
              {response.review && response.reviewReason && (
                <p data-testid="response-review">
                  <span className="status">{t(`notices.statuses.${response.review}`)}</span>{' '}
                  {t('notices.responses.review', { reason: response.reviewReason })}
                </p>
              )}
              {response.review === null && review?.(response.id)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
