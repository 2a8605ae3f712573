import '../listings.css';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Loading } from '../../../components/ui/status';
import { consolePaths } from '../../../lib/paths';
import { useCertificateChoices } from '../api/get-certificate-choices';
import { useMyListing } from '../api/get-listing';
import { ListingEditor } from './listing-editor';
import { describeStatusReason } from './listing-status-reason';

/** `/seller/listings/new` and `/seller/listings/:listingId`: one editor for both. */
export function ListingEditorPage({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { listingId } = useParams();
  const listing = useMyListing(listingId);
  const certificates = useCertificateChoices();
  const current = listing.data?.listing ?? null;

  let content: ReactNode;
  if ((listingId && listing.isPending) || certificates.isPending) content = <Loading />;
  else if (listing.isError)
    content = <ApiErrorAlert error={listing.error} onRetry={() => void listing.refetch()} />;
  else if (certificates.isError)
    content = <ApiErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />;
  else content = <ListingEditor listing={current} certificates={certificates.data} canEdit={canEdit} />;

  return (
    <div className="page" data-page="listing-editor">
      <Link to={consolePaths.seller.listings} className="back-link">
        ← {t('listings.backToList')}
      </Link>
      <header className="page-header">
        <h1>{current ? t('listings.editTitle') : t('listings.newTitle')}</h1>
        {current && (
          <p className="muted" data-testid="listing-status" data-status={current.status}>
            {t('listings.status', { status: t(`goods.listingStatuses.${current.status}`) })}
            {current.statusReason && ` · ${describeStatusReason(t, current.statusReason)}`}
          </p>
        )}
      </header>
      {content}
    </div>
  );
}
