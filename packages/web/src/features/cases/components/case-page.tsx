import '../cases.css';
import type { CaseDetail } from '@jadelive/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Loading } from '../../../components/ui/status';
import { useDateTimeFormat } from '../../../i18n/format';
import { consolePaths } from '../../../lib/paths';
import { useCase } from '../api/cases';
import { CaseActions } from './case-actions';
import { ClockList, StepBadge } from './case-clocks';
import { CaseDocumentsPanel } from './case-documents-panel';
import { CaseEvents, NoteForm, TransferForm } from './case-record';
import { CaseRoad, CaseSubjects } from './case-subjects';
import { NoticeForm } from './notice-form';

interface CasePageProps {
  caseId: string;
  /** The signed-in officer: the filing requester waits for a second one. */
  userId: string;
  /** The evidence package's action (another feature's), shown in its own section when given. */
  evidenceAction?: (detail: CaseDetail) => ReactNode;
}

function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  return (
    <header className="page-header">
      <p className="eyebrow">
        <Link to={consolePaths.regulator.cases}>{t('cases.detail.back')}</Link> · {detail.regulator.name}
      </p>
      <h1 data-testid="case-title">{detail.title}</h1>
      <p className="document-meta">
        <StepBadge step={detail.step} />
        <span data-testid="case-number">{detail.number ?? t('cases.detail.notFiled')}</span>
        <span>
          {detail.seller.name}
          {detail.seller.district && ` · ${detail.seller.district}`}
        </span>
      </p>
      <p className="fine-print">
        {t('cases.detail.openedBy', { name: detail.openedBy.name, time: formatDate(detail.openedAt) })}
      </p>
      {detail.filingRequest && (
        <p className="alert alert-info" data-testid="filing-request">
          {t('cases.detail.filingRequest', {
            name: detail.filingRequest.by.name,
            time: formatDate(detail.filingRequest.at),
          })}
        </p>
      )}
      {detail.closure && (
        <p className="alert alert-info" data-testid="case-closure" data-closure={detail.closure.kind}>
          {t('cases.detail.closure', {
            kind: t(`cases.closure.${detail.closure.kind}`),
            reason: detail.closure.reason,
          })}
        </p>
      )}
    </header>
  );
}

/**
 * One case for its officers: where it stands on the road, its statutory clocks, the steps open to
 * the officer, the documents with the party's answers, its leads and subjects, and its record.
 */
export function CasePage({ caseId, userId, evidenceAction }: CasePageProps) {
  const { t } = useTranslation();
  const found = useCase(caseId);
  if (found.isPending) return <Loading />;
  if (found.isError) return <ApiErrorAlert error={found.error} onRetry={() => void found.refetch()} />;
  const detail = found.data;
  const evidence = evidenceAction?.(detail);
  return (
    <div className="page case-page" data-page="case" data-case={detail.id} data-step={detail.step}>
      <CaseHeader detail={detail} />
      <CaseRoad step={detail.step} />
      <section className="panel">
        <h2 className="section-heading">{t('cases.detail.clocksHeading')}</h2>
        <ClockList clocks={detail.clocks} />
      </section>
      <CaseActions detail={detail} userId={userId} />
      {detail.actions.includes('issue_notice') && <NoticeForm detail={detail} />}
      <CaseDocumentsPanel detail={detail} />
      <CaseSubjects subjects={detail.subjects} />
      {evidence && (
        <section className="panel" data-testid="case-evidence">
          <h2 className="section-heading">{t('cases.detail.evidenceHeading')}</h2>
          <p className="muted">{t('cases.detail.evidenceIntro')}</p>
          {evidence}
        </section>
      )}
      {detail.actions.includes('transfer') && <TransferForm detail={detail} />}
      <section className="panel">
        <h2 className="section-heading">{t('cases.detail.eventsHeading')}</h2>
        <CaseEvents events={detail.events} />
        <NoteForm caseId={detail.id} />
      </section>
    </div>
  );
}
