import { LISTING_STATUSES } from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { CertificateStatusBadge } from '../../../components/ui/certificate-status';
import { EmptyState, Loading } from '../../../components/ui/status';
import { StatusTabs, useStatusParam } from '../../../components/ui/status-tabs';
import { imageUrl } from '../../../lib/images';
import { consolePaths } from '../../../lib/paths';
import { formatFen } from '../../../lib/units';
import { useMyListings } from '../api/get-listings';

/** The seller's listings, one tab per status. */
export function ListingsPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useStatusParam(LISTING_STATUSES);
  const listings = useMyListings();
  const shown = (listings.data ?? []).filter((listing) => status === undefined || listing.status === status);

  return (
    <div className="page" data-page="seller-listings">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('listings.title')}</h1>
          <p className="muted">{canEdit ? t('listings.intro') : t('listings.readOnly')}</p>
        </div>
        {canEdit && (
          <Link
            to={consolePaths.seller.newListing}
            className="button button-primary"
            data-testid="new-listing"
          >
            {t('listings.create')}
          </Link>
        )}
      </header>
      <StatusTabs
        statuses={LISTING_STATUSES}
        selected={status}
        onSelect={setStatus}
        label={(tab) => (tab ? t(`goods.listingStatuses.${tab}`) : t('listings.all'))}
      />
      {listings.isPending ? (
        <Loading />
      ) : listings.isError ? (
        <ApiErrorAlert error={listings.error} onRetry={() => void listings.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState>{t('listings.empty')}</EmptyState>
      ) : (
        <div className="table-scroll panel">
          <table className="table" data-testid="listings-table">
            <thead>
              <tr>
                <th>{t('listings.fields.title')}</th>
                <th>{t('listings.fields.category')}</th>
                <th className="numeric">{t('goods.price')}</th>
                <th className="numeric">{t('goods.stock')}</th>
                <th>{t('goods.certificate')}</th>
                <th>{t('goods.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((listing) => (
                <tr key={listing.id} data-listing={listing.id}>
                  <td className="cell-name">
                    <Link to={consolePaths.seller.listing(listing.id)} className="listing-row-link">
                      {listing.imageIds[0] && (
                        <img src={imageUrl(listing.imageIds[0])} alt="" className="row-thumb" />
                      )}
                      <span>{listing.title}</span>
                    </Link>
                  </td>
                  <td className="nowrap">{t(`goods.categories.${listing.category}`)}</td>
                  <td className="numeric">{formatFen(listing.priceFen)}</td>
                  <td className="numeric">{listing.stock}</td>
                  <td>
                    {listing.certificate ? (
                      <CertificateStatusBadge status={listing.certificate.status} />
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td>
                    <span className={`status listing-${listing.status}`}>
                      {t(`goods.listingStatuses.${listing.status}`)}
                    </span>
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
