import '../cases.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryTable } from '../../../components/ui/query-list';
import { StatusTabs, useStatusParam } from '../../../components/ui/status-tabs';
import { useDateTimeFormat } from '../../../i18n/format';
import { consolePaths } from '../../../lib/paths';
import { useCases } from '../api/cases';
import { ClockBadges, StepBadge } from './case-clocks';

const STATES = ['ended'] as const;

/** 案件: the regulator's cases, the step each is at and its clocks. */
export function CasesPage() {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const [state, setState] = useStatusParam(STATES);
  const cases = useCases(state ?? 'open');
  return (
    <div className="page" data-page="regulator-cases">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('cases.list.title')}</h1>
          <p className="muted">{t('cases.list.intro')}</p>
        </div>
        <Link to={consolePaths.regulator.leads} className="button button-primary">
          {t('cases.leads.title')}
        </Link>
      </header>
      <StatusTabs
        statuses={STATES}
        selected={state}
        onSelect={setState}
        label={(tab) => t(`cases.list.${tab ?? 'open'}`)}
      />
      <section className="panel">
        <QueryTable query={cases} empty={t('cases.list.empty')}>
          {(rows) => (
            <table className="table" data-testid="case-list">
              <thead>
                <tr>
                  <th>{t('cases.list.titleColumn')}</th>
                  <th>{t('cases.list.number')}</th>
                  <th>{t('cases.list.seller')}</th>
                  <th>{t('cases.list.step')}</th>
                  <th>{t('cases.list.clocks')}</th>
                  <th>{t('cases.list.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-case={row.id} data-step={row.step}>
                    <td className="cell-name">
                      <Link to={consolePaths.regulator.case(row.id)} data-testid="case-link">
                        {row.title}
                      </Link>
                    </td>
                    <td>{row.number ?? t('cases.detail.notFiled')}</td>
                    <td>{row.seller.name}</td>
                    <td>
                      <StepBadge step={row.step} />
                      {row.filingRequest && <p className="fine-print">{t('cases.list.pendingApproval')}</p>}
                    </td>
                    <td>
                      <ClockBadges clocks={row.clocks} />
                    </td>
                    <td>{formatDate(row.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryTable>
      </section>
    </div>
  );
}
