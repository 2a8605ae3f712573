import '../cases.css';
import type { CaseSummary } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { consolePaths } from '../../../lib/paths';
import { useCases } from '../api/cases';
import { ClockBadges, StepBadge } from './case-clocks';

/** The fewest days left of a case's running clocks; cases without one come last. */
const mostPressing = (row: CaseSummary) =>
  Math.min(
    ...row.clocks.map((clock) => clock.daysLeft ?? Number.POSITIVE_INFINITY),
    Number.POSITIVE_INFINITY,
  );

/** 期限提醒 on the regulator's home: open cases by their nearest statutory deadline. */
export function CaseDeadlinesPanel() {
  const { t } = useTranslation();
  const cases = useCases('open');
  const rows = [...(cases.data ?? [])].sort((a, b) => mostPressing(a) - mostPressing(b)).slice(0, 8);
  return (
    <section className="home-section panel" data-testid="case-deadlines">
      <div className="page-header-actions">
        <div>
          <h2 className="section-heading">{t('cases.deadlines.heading')}</h2>
          <p className="muted">{t('cases.deadlines.intro')}</p>
        </div>
        <div className="button-row">
          <Link to={consolePaths.regulator.leads} className="button button-small button-primary">
            {t('cases.deadlines.leads')}
          </Link>
          <Link to={consolePaths.regulator.cases} className="button button-small">
            {t('cases.deadlines.allCases')}
          </Link>
        </div>
      </div>
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <ApiErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('cases.deadlines.empty')}</EmptyState>
      ) : (
        <ul className="deadline-list">
          {rows.map((row) => (
            <li key={row.id} data-case={row.id}>
              <Link to={consolePaths.regulator.case(row.id)}>{row.title}</Link> <StepBadge step={row.step} />{' '}
              <span className="fine-print">{row.seller.name}</span> <ClockBadges clocks={row.clocks} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
