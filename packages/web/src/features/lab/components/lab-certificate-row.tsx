import type { Certificate } from '@jadelive/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReasonForm } from '../../../components/forms/reason-form';
import { CertificateStatusBadge } from '../../../components/ui/certificate-status';
import { formatWeight } from '../../../lib/units';
import type { useDecideCertificate } from '../api/lab-certificates';

interface RowProps {
  certificate: Certificate;
  canEdit: boolean;
  decide: ReturnType<typeof useDecideCertificate>;
}

/** One certificate with the lab's decisions: confirm a registration, revoke with a reason. */
export function LabCertificateRow({ certificate, canEdit, decide }: RowProps) {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState(false);
  const pending = decide.isPending && decide.variables?.certificateId === certificate.id;
  return (
    <tr data-certificate={certificate.number} data-status={certificate.status}>
      <td className="mono">{certificate.number}</td>
      <td className="cell-name">{certificate.identification}</td>
      <td className="nowrap">
        {formatWeight(certificate.weightMg, certificate.weightCt100) ?? t('common.none')}
      </td>
      <td className="nowrap">{certificate.issuedOn}</td>
      <td>
        <CertificateStatusBadge status={certificate.status} />
        {certificate.revokeReason && <p className="fine-print">{certificate.revokeReason}</p>}
      </td>
      {canEdit && (
        <td className="actions-cell">
          {revoking ? (
            <ReasonForm
              label={t('lab.revokeReason')}
              placeholder={t('lab.revokePlaceholder')}
              submitLabel={t('lab.revokeSubmit')}
              cancelLabel={t('lab.cancel')}
              pending={pending}
              onCancel={() => setRevoking(false)}
              onSubmit={(reason) =>
                decide.mutate(
                  { certificateId: certificate.id, action: 'revoke', reason },
                  { onSuccess: () => setRevoking(false) },
                )
              }
            />
          ) : (
            <div className="button-row">
              {certificate.status === 'unverified' && (
                <button
                  type="button"
                  className="button button-primary button-small"
                  disabled={pending}
                  onClick={() => decide.mutate({ certificateId: certificate.id, action: 'confirm' })}
                  data-testid="confirm-certificate"
                >
                  {pending ? t('lab.confirming') : t('lab.confirm')}
                </button>
              )}
              {certificate.status !== 'revoked' && (
                <button
                  type="button"
                  className="button button-danger button-small"
                  onClick={() => setRevoking(true)}
                >
                  {t('lab.revoke')}
                </button>
              )}
            </div>
          )}
        </td>
      )}
    </tr>
  );
}
