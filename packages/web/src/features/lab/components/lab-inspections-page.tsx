import { INSPECTION_STATUSES } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { StatusTabs, useStatusParam } from '../../../components/ui/status-tabs';
import { useDateTimeFormat } from '../../../i18n/format';
import { consolePaths } from '../../../lib/paths';
import { useLabInspections } from '../api/lab-inspections';

/** 检验申请: inspections addressed to this lab, filtered by status (requested is the work queue). */
export function LabInspectionsPage() {
  const { t } = useTranslation();
  const formatDate = useDateTimeFormat();
  const [status, setStatus] = useStatusParam(INSPECTION_STATUSES);
  const inspections = useLabInspections(status);

  return (
    <div className="page" data-page="lab-inspections">
      <header className="page-header">
        <h1>{t('inspection.labPage.title')}</h1>
        <p className="muted">{t('inspection.labPage.intro')}</p>
      </header>
      <StatusTabs
        statuses={INSPECTION_STATUSES}
        selected={status}
        onSelect={setStatus}
        label={(tab) => (tab === undefined ? t('inspection.labPage.all') : t(`inspection.statuses.${tab}`))}
      />
      {inspections.isPending ? (
        <Loading />
      ) : inspections.isError ? (
        <ApiErrorAlert error={inspections.error} onRetry={() => void inspections.refetch()} />
      ) : inspections.data.length === 0 ? (
        <EmptyState>{t('inspection.labPage.empty')}</EmptyState>
      ) : (
        <div className="table-scroll panel">
          <table className="table" data-testid="lab-inspections-table">
            <thead>
              <tr>
                <th>{t('inspection.labPage.listing')}</th>
                <th>{t('inspection.labPage.number')}</th>
                <th>{t('inspection.labPage.identification')}</th>
                <th>{t('inspection.labPage.status')}</th>
                <th>{t('inspection.labPage.requested')}</th>
              </tr>
            </thead>
            <tbody>
              {inspections.data.map((inspection) => (
                <tr key={inspection.id} data-inspection={inspection.id}>
                  <td>
                    <Link to={consolePaths.lab.inspection(inspection.id)}>{inspection.listingTitle}</Link>
                  </td>
                  <td className="mono">{inspection.certificate.number}</td>
                  <td>{inspection.certificate.identification}</td>
                  <td>
                    <span className="status">{t(`inspection.statuses.${inspection.status}`)}</span>
                  </td>
                  <td>{formatDate(inspection.requestedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
