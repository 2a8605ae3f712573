import type { VerificationResult } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CertificateStatusBadge } from '../../../components/ui/certificate-status';
import { imageUrl } from '../../../lib/images';
import { publicPaths } from '../../../lib/paths';
import { shanghaiDateTimeFormat } from '../../../lib/shanghai-time';
import { formatWeight } from '../../../lib/units';

/** What the platform holds for a certificate, its status spelled out first. */
export function VerificationCard({ result }: { result: VerificationResult }) {
  const { t, i18n } = useTranslation();
  const { certificate, listing } = result;
  const weight = formatWeight(certificate.weightMg, certificate.weightCt100);
  const facts: [string, string | null][] = [
    [t('goods.identification'), certificate.identification],
    // A revoked certificate's treatment is the finding the lab withdrew: the answer leaves it out.
    [t('goods.treatment'), certificate.treatment && t(`goods.treatments.${certificate.treatment}`)],
    [t('goods.weight'), weight],
    [t('goods.dimensions'), certificate.dimensions],
    [t('goods.shape'), certificate.shape],
    [t('goods.color'), certificate.color],
    [t('goods.origin'), certificate.origin],
    [t('goods.issuedOn'), certificate.issuedOn],
  ];
  return (
    <section
      className={`panel verification verification-${certificate.status}`}
      data-testid="verification-result"
      data-status={certificate.status}
    >
      <h2 className="section-heading">{t('verify.resultHeading')}</h2>
      <p className="verification-status" data-testid="verification-status">
        <CertificateStatusBadge status={certificate.status} /> {t(`verify.statuses.${certificate.status}`)}
      </p>
      {certificate.status === 'revoked' && (
        <p className="alert alert-error" data-testid="verification-revoked">
          {certificate.revokedAt &&
            t('verify.revokedAt', {
              at: shanghaiDateTimeFormat(i18n.language).format(new Date(certificate.revokedAt)),
            })}{' '}
          {t('verify.revokeReason', { reason: certificate.revokeReason ?? t('verify.noReason') })}
        </p>
      )}
      <div className="verification-body">
        <dl className="facts">
          <dt>{t('goods.number')}</dt>
          <dd className="mono" data-testid="verification-number">
            {certificate.number}
          </dd>
          <dt>{t('goods.lab')}</dt>
          <dd>
            {certificate.lab.name}{' '}
            <span className="chip">
              {certificate.lab.onPlatform ? t('verify.onPlatform') : t('verify.outsideLab')}
            </span>
          </dd>
          {facts
            .filter((fact): fact is [string, string] => Boolean(fact[1]))
            .map(([label, value]) => (
              <FactRow key={label} label={label} value={value} />
            ))}
        </dl>
        {certificate.photoImageId && (
          <img
            className="certificate-photo"
            src={imageUrl(certificate.photoImageId)}
            alt={t('verify.photoAlt')}
          />
        )}
      </div>
      <div className="stack">
        <h3 className="field-label">{t('verify.backs')}</h3>
        {listing ? (
          <Link
            to={publicPaths.listing(listing.id)}
            className="backed-listing"
            data-testid="verification-listing"
          >
            <span>{listing.title}</span>
            <span className="fine-print">
              {t('verify.listingBy', { seller: listing.sellerName })} ·{' '}
              {t(`goods.listingStatuses.${listing.status}`)}
            </span>
          </Link>
        ) : (
          <p className="muted">{t('verify.noListing')}</p>
        )}
      </div>
    </section>
  );
}

function FactRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
