import type { CatalogItem } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CertificateStatusBadge } from '../../../components/ui/certificate-status';
import { imageUrl } from '../../../lib/images';
import { publicPaths } from '../../../lib/paths';
import { formatFen } from '../../../lib/units';

/** One listing in a grid: picture first, then price, title, certificate and seller. */
export function ListingCard({ item }: { item: CatalogItem }) {
  const { t } = useTranslation();
  const cover = item.imageIds[0];
  return (
    <Link
      to={publicPaths.listing(item.id)}
      className="listing-card"
      data-listing={item.id}
      data-testid="listing-card"
    >
      <span className="listing-card-image">
        {cover ? (
          <img src={imageUrl(cover)} alt="" loading="lazy" />
        ) : (
          <span className="muted">{t('goods.noImage')}</span>
        )}
      </span>
      <span className="listing-card-body">
        <span className="listing-card-price">{formatFen(item.priceFen)}</span>
        <span className="listing-card-title">{item.title}</span>
        <span className="listing-card-meta">
          <span className="chip">{t(`goods.categories.${item.category}`)}</span>
          {item.certificate ? (
            <CertificateStatusBadge status={item.certificate.status} />
          ) : (
            <span className="chip">{t('goods.noCertificate')}</span>
          )}
        </span>
        <span className="listing-card-seller muted">{item.seller.name}</span>
      </span>
    </Link>
  );
}
