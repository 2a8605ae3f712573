import type { PinnedCard as PinnedCardData } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { imageUrl } from '../../../lib/images';
import { publicPaths } from '../../../lib/paths';
import { formatFen } from '../../../lib/units';
import { useListingVerifyPath } from '../api/get-listing-verify-path';

/** The 讲解卡 every viewer sees: picture, price (and the base of a comparison price), certificate. */
export function PinnedCard({ card }: { card: PinnedCardData }) {
  const { t } = useTranslation();
  const certificate = card.certificate;
  const verify = useListingVerifyPath(certificate ? card.listingId : null);
  const verifyPath =
    verify.data ??
    (certificate ? `${publicPaths.verify}?number=${encodeURIComponent(certificate.number)}` : null);
  return (
    <article
      className="pinned-card"
      data-testid="pinned-card"
      data-listing={card.listingId}
      data-stock={card.stock}
    >
      {card.imageId ? (
        <img className="pinned-image" src={imageUrl(card.imageId)} alt={card.title} />
      ) : (
        <div className="pinned-image pinned-image-empty">{t('goods.noImage')}</div>
      )}
      <div className="pinned-body">
        <p className="eyebrow">{t('live.card.label')}</p>
        <h3 className="pinned-title" data-testid="pinned-title">
          {card.title}
        </h3>
        <p className="pinned-prices">
          <span className="price" data-testid="pinned-price">
            {formatFen(card.priceFen)}
          </span>
          {card.comparisonPriceFen !== null && (
            <span className="comparison-price">
              <s>{formatFen(card.comparisonPriceFen)}</s>{' '}
              <span className="fine-print">{t('goods.comparisonMeaning')}</span>
            </span>
          )}
        </p>
        <p className="pinned-meta">
          {certificate ? (
            <Link
              to={verifyPath ?? publicPaths.verify}
              className={`cert-badge cert-${certificate.status}`}
              data-testid="pinned-certificate"
              data-status={certificate.status}
            >
              {t('goods.certificate')} · {t(`goods.certificateStatuses.${certificate.status}`)} ·{' '}
              {certificate.number}
            </Link>
          ) : (
            <span className="cert-badge cert-none">{t('goods.noCertificate')}</span>
          )}
          <span className="fine-print">
            {card.listingStatus === 'published'
              ? t('live.card.stock', { count: card.stock })
              : t(`goods.listingStatuses.${card.listingStatus as 'published'}`)}
          </span>
        </p>
        <Link to={publicPaths.listing(card.listingId)} className="button button-small button-primary">
          {t('live.card.view')}
        </Link>
      </div>
    </article>
  );
}
