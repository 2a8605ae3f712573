import '../catalog.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { CertificateStatusBadge } from '../../../components/ui/certificate-status';
import { Loading } from '../../../components/ui/status';
import { publicPaths } from '../../../lib/paths';
import { formatFen } from '../../../lib/units';
import { useCatalogListing } from '../api/get-catalog-listing';
import { ListingGallery } from './listing-gallery';
import { VerifyQr } from './verify-qr';

/** What a buy button needs to know of the listing (the app composes one in: 立即购买). */
export interface ListingForSale {
  id: string;
  title: string;
  status: string;
  stock: number;
  auctionRunning: boolean;
}

/** A listing as a buyer sees it: pictures, price, the certificate and how to verify it, a way to buy. */
export function ListingPage({ renderBuy }: { renderBuy?: (listing: ListingForSale) => ReactNode }) {
  const { t } = useTranslation();
  const { listingId = '' } = useParams();
  const listing = useCatalogListing(listingId);

  if (listing.isPending) return <Loading />;
  if (listing.isError) return <ApiErrorAlert error={listing.error} onRetry={() => void listing.refetch()} />;
  const item = listing.data;
  const certificate = item.certificate;

  return (
    <article className="page listing-detail" data-page="listing" data-listing={item.id}>
      <Link to={publicPaths.catalog} className="back-link">
        ← {t('catalog.listing.back')}
      </Link>
      <div className="listing-layout">
        <ListingGallery title={item.title} imageIds={item.imageIds} />
        <div className="stack listing-summary">
          <h1 className="listing-title" data-testid="listing-title">
            {item.title}
          </h1>
          <div className="price-block">
            <span className="price" data-testid="listing-price">
              {formatFen(item.priceFen)}
            </span>
            {item.comparisonPriceFen !== null && (
              <span className="comparison-price">
                <s>{formatFen(item.comparisonPriceFen)}</s>
                <span className="fine-print">{t('goods.comparisonMeaning')}</span>
              </span>
            )}
          </div>
          <div className="chips">
            <span className="chip">{t(`goods.categories.${item.category}`)}</span>
            {item.purityMark && <span className="chip">{`${t('goods.purityMark')} ${item.purityMark}`}</span>}
            {item.customMade && <span className="chip">{t('catalog.listing.customMade')}</span>}
            <span className="chip">{t('catalog.listing.stockLeft', { count: item.stock })}</span>
          </div>
          {item.status !== 'published' && (
            <p className="alert alert-info">{t('catalog.listing.notOnSale')}</p>
          )}
          {renderBuy?.(item)}
          <Link to={publicPaths.shop(item.seller.slug)} className="seller-link">
            {t('catalog.listing.soldBy', { name: item.seller.name })}
          </Link>
          {certificate ? (
            <section className="panel certificate-panel" data-testid="listing-certificate">
              <h2 className="section-heading">
                {t('catalog.listing.certificateHeading')}{' '}
                <CertificateStatusBadge status={certificate.status} />
              </h2>
              <dl className="facts">
                <dt>{t('goods.lab')}</dt>
                <dd>{certificate.labName}</dd>
                <dt>{t('goods.number')}</dt>
                <dd className="mono">{certificate.number}</dd>
                <dt>{t('goods.identification')}</dt>
                <dd>{certificate.identification}</dd>
                <dt>{t('goods.pieces')}</dt>
                <dd data-testid="listing-certificate-pieces">
                  {t('goods.piecesValue', { count: certificate.pieces })}
                </dd>
              </dl>
              {item.verifyPath && <VerifyQr verifyPath={item.verifyPath} />}
            </section>
          ) : (
            <p className="muted">{t('goods.noCertificate')}</p>
          )}
        </div>
      </div>
      {item.description && (
        <section className="panel">
          <h2 className="section-heading">{t('catalog.listing.description')}</h2>
          <p className="prewrap">{item.description}</p>
        </section>
      )}
    </article>
  );
}
