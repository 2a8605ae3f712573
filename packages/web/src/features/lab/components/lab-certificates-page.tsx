import { CERTIFICATE_STATUSES } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { StatusTabs, useStatusParam } from '../../../components/ui/status-tabs';
import { consolePaths } from '../../../lib/paths';
import { useDecideCertificate, useLabCertificates } from '../api/lab-certificates';
import { LabCertificateRow } from './lab-certificate-row';

/** Every certificate naming this lab, filtered by status; `unverified` is the confirm queue. */
export function LabCertificatesPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useStatusParam(CERTIFICATE_STATUSES);
  const certificates = useLabCertificates(status);
  const decide = useDecideCertificate();

  return (
    <div className="page" data-page="lab-certificates">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('lab.title')}</h1>
          <p className="muted">{t('lab.intro')}</p>
        </div>
        {canEdit && (
          <Link to={consolePaths.lab.issue} className="button button-primary" data-testid="issue-certificate">
            {t('lab.issue')}
          </Link>
        )}
      </header>
      <StatusTabs
        statuses={CERTIFICATE_STATUSES}
        selected={status}
        onSelect={setStatus}
        label={(tab) =>
          tab === undefined
            ? t('lab.allStatuses')
            : tab === 'unverified'
              ? t('lab.queue')
              : t(`goods.certificateStatuses.${tab}`)
        }
      />
      {status === 'unverified' && <p className="alert alert-info">{t('lab.queueHint')}</p>}
      {decide.isError && <ApiErrorAlert error={decide.error} />}
      {certificates.isPending ? (
        <Loading />
      ) : certificates.isError ? (
        <ApiErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />
      ) : certificates.data.length === 0 ? (
        <EmptyState>{t('lab.empty')}</EmptyState>
      ) : (
        <div className="table-scroll panel">
          <table className="table" data-testid="lab-certificates-table">
            <thead>
              <tr>
                <th>{t('goods.number')}</th>
                <th>{t('goods.identification')}</th>
                <th>{t('goods.weight')}</th>
                <th>{t('goods.issuedOn')}</th>
                <th>{t('goods.status')}</th>
                {canEdit && <th>{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {certificates.data.map((certificate) => (
                <LabCertificateRow
                  key={certificate.id}
                  certificate={certificate}
                  canEdit={canEdit}
                  decide={decide}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
