import type { CertificateStatus } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';

/** A certificate's status as a coloured pill: verified green, unverified amber, revoked red. */
export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status cert-status cert-${status}`} data-certificate-status={status}>
      {t(`goods.certificateStatuses.${status}`)}
    </span>
  );
}
