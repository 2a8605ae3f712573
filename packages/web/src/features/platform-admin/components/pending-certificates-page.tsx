import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { ReasonForm } from '../../../components/forms/reason-form';
import { EmptyState, Loading } from '../../../components/ui/status';
import { formatWeight } from '../../../lib/units';
import { useDecidePendingCertificate, usePendingCertificates } from '../api/pending-certificates';

/** Registrations naming labs outside the platform: a platform admin confirms or revokes each. */
export function PendingCertificatesPage() {
  const { t } = useTranslation();
  const certificates = usePendingCertificates();
  const decide = useDecidePendingCertificate();
  const [revoking, setRevoking] = useState<string | null>(null);

  return (
    <div className="page" data-page="pending-certificates">
      <header className="page-header">
        <h1>{t('adminCertificates.title')}</h1>
        <p className="muted">{t('adminCertificates.intro')}</p>
      </header>
      {decide.isError && <ApiErrorAlert error={decide.error} />}
      {certificates.isPending ? (
        <Loading />
      ) : certificates.isError ? (
        <ApiErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />
      ) : certificates.data.length === 0 ? (
        <EmptyState>{t('adminCertificates.empty')}</EmptyState>
      ) : (
        <div className="table-scroll panel">
          <table className="table">
            <thead>
              <tr>
                <th>{t('goods.lab')}</th>
                <th>{t('goods.number')}</th>
                <th>{t('goods.identification')}</th>
                <th>{t('goods.weight')}</th>
                <th>{t('goods.issuedOn')}</th>
                <th>{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {certificates.data.map((certificate) => (
                <tr key={certificate.id} data-certificate={certificate.number}>
                  <td className="cell-name">{certificate.lab.name}</td>
                  <td className="mono">{certificate.number}</td>
                  <td className="cell-name">{certificate.identification}</td>
                  <td className="nowrap">
                    {formatWeight(certificate.weightMg, certificate.weightCt100) ?? t('common.none')}
                  </td>
                  <td className="nowrap">{certificate.issuedOn}</td>
                  <td className="actions-cell">
                    {revoking === certificate.id ? (
                      <ReasonForm
                        label={t('adminCertificates.reason')}
                        placeholder={t('adminCertificates.reasonPlaceholder')}
                        submitLabel={t('adminCertificates.submitRevoke')}
                        cancelLabel={t('adminCertificates.cancel')}
                        pending={decide.isPending}
                        onCancel={() => setRevoking(null)}
                        onSubmit={(reason) =>
                          decide.mutate(
                            { certificateId: certificate.id, action: 'revoke', reason },
                            { onSuccess: () => setRevoking(null) },
                          )
                        }
                      />
                    ) : (
                      <div className="button-row">
                        <button
                          type="button"
                          className="button button-primary button-small"
                          disabled={decide.isPending}
                          onClick={() => decide.mutate({ certificateId: certificate.id, action: 'confirm' })}
                        >
                          {t('adminCertificates.confirm')}
                        </button>
                        <button
                          type="button"
                          className="button button-danger button-small"
                          onClick={() => setRevoking(certificate.id)}
                        >
                          {t('adminCertificates.revoke')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
