import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { CertificateStatusBadge } from '../../../components/ui/certificate-status';
import { EmptyState, Loading } from '../../../components/ui/status';
import { formatWeight } from '../../../lib/units';
import { useMyCertificates } from '../api/get-certificates';
import { RegisterCertificateForm } from './register-certificate-form';

/** The seller's certificates with their status; owners, admins and staff can register more. */
export function CertificatesPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const certificates = useMyCertificates();
  return (
    <div className="page" data-page="seller-certificates">
      <header className="page-header">
        <h1>{t('certificates.title')}</h1>
        <p className="muted">{t('certificates.intro')}</p>
      </header>
      {canEdit ? (
        <RegisterCertificateForm />
      ) : (
        <p className="alert alert-info">{t('certificates.readOnly')}</p>
      )}
      <section className="panel">
        <h2 className="section-heading">{t('certificates.listHeading')}</h2>
        {certificates.isPending ? (
          <Loading />
        ) : certificates.isError ? (
          <ApiErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />
        ) : certificates.data.length === 0 ? (
          <EmptyState>{t('certificates.empty')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="certificates-table">
              <thead>
                <tr>
                  <th>{t('goods.number')}</th>
                  <th>{t('goods.lab')}</th>
                  <th>{t('goods.identification')}</th>
                  <th>{t('goods.weight')}</th>
                  <th>{t('goods.status')}</th>
                </tr>
              </thead>
              <tbody>
                {certificates.data.map((certificate) => (
                  <tr key={certificate.id} data-certificate={certificate.number}>
                    <td className="mono">{certificate.number}</td>
                    <td className="cell-name">{certificate.lab.name}</td>
                    <td className="cell-name">{certificate.identification}</td>
                    <td className="nowrap">
                      {formatWeight(certificate.weightMg, certificate.weightCt100) ?? t('common.none')}
                    </td>
                    <td>
                      <CertificateStatusBadge status={certificate.status} />
                      {certificate.revokeReason && (
                        <p className="fine-print">
                          {t('certificates.revokedBecause', { reason: certificate.revokeReason })}
                        </p>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
