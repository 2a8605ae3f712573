import type { Complaint } from '@jadelive/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDateTimeFormat } from '../../../i18n/format';
import { imageUrl } from '../../../lib/images';
import { commercePaths, livePaths, publicPaths } from '../../../lib/paths';
import { Deadline } from './deadline';

export type ComplaintReader = 'buyer' | 'seller' | 'regulator';

/** Where the reader opens what the complaint is about (a regulator sees no order page). */
function subjectLink(complaint: Complaint, reader: ComplaintReader): { to: string; label: string } | null {
  const { subject } = complaint;
  if (subject.kind === 'order') {
    if (reader === 'buyer') return { to: commercePaths.buyerOrder(subject.id), label: 'openOrder' };
    if (reader === 'seller') return { to: commercePaths.sellerOrder(subject.id), label: 'openOrder' };
    return complaint.listingId
      ? { to: publicPaths.listing(complaint.listingId), label: 'openListing' }
      : null;
  }
  if (subject.kind === 'listing') return { to: publicPaths.listing(subject.id), label: 'openListing' };
  const to =
    reader === 'buyer'
      ? livePaths.watch(subject.id)
      : reader === 'seller'
        ? livePaths.summary(subject.id)
        : livePaths.observerSummary(subject.id);
  return { to, label: 'openSession' };
}

/**
 * One complaint as its reader sees it: what it is about, what the buyer said and showed, the shop's
 * answer, the escalation and the regulator's decision, each running deadline with the days left;
 * the reader's own steps go in `children`.
 */
export function ComplaintCard({
  complaint,
  reader,
  children,
}: {
  complaint: Complaint;
  reader: ComplaintReader;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const link = subjectLink(complaint, reader);
  const { escalation, decision } = complaint;
  return (
    <article
      className="panel complaint-card"
      data-testid="complaint"
      data-complaint={complaint.id}
      data-status={complaint.status}
    >
      <header className="complaint-head">
        <span className={`status complaint-status-${complaint.status}`}>
          {t(`complaints.statuses.${complaint.status}`)}
        </span>
        <strong>{t(`complaints.categories.${complaint.category}`)}</strong>
        <span className="muted">
          {t('complaints.card.about', {
            kind: t(`complaints.subjectKinds.${complaint.subject.kind}`),
            title: complaint.subject.title,
          })}
        </span>
        {link && (
          <Link to={link.to} className="fine-print">
            {t(`complaints.card.${link.label}` as 'complaints.card.openOrder')}
          </Link>
        )}
      </header>
      <p className="fine-print">
        {t('complaints.card.filed', { time: formatDate(complaint.filedAt) })}
        {reader !== 'buyer' && ` · ${t('complaints.card.buyer', { name: complaint.buyer.name })}`}
        {reader !== 'seller' && ` · ${t('complaints.card.seller', { name: complaint.seller.name })}`}
      </p>
      <h3 className="field-label">{t('complaints.card.description')}</h3>
      <p className="complaint-text">{complaint.description}</p>
      {complaint.photoIds.length > 0 && (
        <ul className="thumb-list" aria-label={t('complaints.card.photos')}>
          {complaint.photoIds.map((id) => (
            <li key={id} className="thumb">
              <a href={imageUrl(id)} target="_blank" rel="noreferrer">
                <img src={imageUrl(id)} alt="" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {complaint.answerDeadline && <Deadline label="answer" deadline={complaint.answerDeadline} />}
      {complaint.answer ? (
        <section className="complaint-answer" data-testid="complaint-answer">
          <h3 className="field-label">
            {t('complaints.card.answer', { time: formatDate(complaint.answer.answeredAt) })}
          </h3>
          <p className="complaint-text">{complaint.answer.text}</p>
        </section>
      ) : (
        complaint.status === 'awaiting_seller' && <p className="muted">{t('complaints.card.noAnswer')}</p>
      )}
      {complaint.settledAt && (
        <p className="alert alert-info">
          {t('complaints.card.settled', { time: formatDate(complaint.settledAt) })}
        </p>
      )}
      {escalation && (
        <section className="complaint-escalation" data-testid="complaint-escalation">
          <p>
            {t('complaints.card.escalated', {
              regulator: escalation.regulator.name,
              time: formatDate(escalation.escalatedAt),
            })}
          </p>
          {escalation.note && (
            <p className="fine-print">{t('complaints.card.escalationNote', { note: escalation.note })}</p>
          )}
          {escalation.decisionDeadline && (
            <Deadline label="decision" deadline={escalation.decisionDeadline} />
          )}
        </section>
      )}
      {decision && escalation && (
        <section
          className="complaint-decision"
          data-testid="complaint-decision"
          data-outcome={decision.outcome}
        >
          <p>
            <strong>
              {t(`complaints.card.${decision.outcome}`, {
                regulator: escalation.regulator.name,
                time: formatDate(decision.decidedAt),
              })}
            </strong>
            {decision.late && t('complaints.card.late')}
          </p>
          {decision.reason && (
            <p className="fine-print">{t('complaints.card.decisionReason', { reason: decision.reason })}</p>
          )}
        </section>
      )}
      {children}
    </article>
  );
}
