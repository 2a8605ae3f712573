import type { HeldCertificate, Listing } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { consolePaths, publicPaths } from '../../../lib/paths';
import { formatFen } from '../../../lib/units';
import { useChangeListingStatus, useSaveListing } from '../api/save-listing';
import { useCompliancePreview } from '../hooks/use-compliance-preview';
import { CompliancePreview } from './compliance-preview';
import { bodyFromDraft, type DraftError, draftFromListing, emptyDraft } from './listing-draft';
import { ListingFields } from './listing-form';
import { PublishRefusal } from './publish-refusal';

interface ListingEditorProps {
  listing: Listing | null;
  certificates: HeldCertificate[];
  canEdit: boolean;
}

/** Form, live compliance preview and the publish step; saving first when publishing a changed form. */
export function ListingEditor({ listing, certificates, canEdit }: ListingEditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(() => (listing ? draftFromListing(listing) : emptyDraft));
  const [draftError, setDraftError] = useState<DraftError | null>(null);
  const [notice, setNotice] = useState<'saved' | 'published' | null>(null);
  const save = useSaveListing();
  const changeStatus = useChangeListingStatus();
  const certificate = certificates.find((entry) => entry.id === draft.certificateId) ?? null;
  const parsed = bodyFromDraft(draft);
  const body = 'body' in parsed ? parsed.body : null;
  const preview = useCompliancePreview({
    title: draft.title,
    description: draft.description,
    certificate,
    priceFen: body?.priceFen ?? null,
    stock: body?.stock ?? null,
    soldCount: listing?.soldCount ?? 0,
    comparisonPriceFen: body?.comparisonPriceFen ?? null,
    lowestDealPriceFen7d: listing?.lowestDealPriceFen7d ?? null,
  });
  const busy = save.isPending || changeStatus.isPending;
  const error = changeStatus.error ?? save.error;

  async function persist(): Promise<string | null> {
    setNotice(null);
    save.reset();
    changeStatus.reset();
    setDraftError('error' in parsed ? parsed.error : null);
    if (!body) return null;
    const result = await save.mutateAsync({ listingId: listing?.id, body }).catch(() => null);
    if (!result) return null;
    if (!listing) navigate(consolePaths.seller.listing(result.listing.id), { replace: true });
    return result.listing.id;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await persist()) setNotice('saved');
  }

  async function publish() {
    const listingId = await persist();
    if (!listingId) return;
    const result = await changeStatus.mutateAsync({ listingId, action: 'publish' }).catch(() => null);
    if (result) setNotice('published');
  }

  const factsLine = t('listings.preview.facts', {
    certificate: certificate
      ? `${certificate.number}（${certificate.identification}）`
      : t('listings.preview.noCertificateFacts'),
    price: body ? formatFen(body.priceFen) : t('common.none'),
    stock: body?.stock ?? t('common.none'),
  });

  return (
    <div className="editor-layout">
      <form className="panel form" onSubmit={(event) => void submit(event)} data-testid="listing-form">
        <fieldset className="plain-fieldset form" disabled={!canEdit}>
          <ListingFields
            draft={draft}
            onChange={setDraft}
            certificates={certificates}
            listingId={listing?.id}
          />
          {certificate && (
            <p className="fine-print" data-testid="listing-certificate-pieces">
              {t('listings.certificatePieces', { count: certificate.quantity })}
            </p>
          )}
        </fieldset>
        {draftError && (
          <p className="field-error">
            {t(draftError === 'price' ? 'listings.invalidPrice' : 'listings.invalidWeight')}
          </p>
        )}
        {error && <PublishRefusal error={error} />}
        {notice && (
          <p className="alert alert-info" role="status" data-testid={`listing-${notice}`}>
            {notice === 'saved' ? t('listings.saved') : t('listings.published')}
          </p>
        )}
        {canEdit && (
          <div className="button-row">
            <button className="button" type="submit" disabled={busy} data-testid="listing-save">
              {save.isPending ? t('listings.saving') : t('listings.save')}
            </button>
            <button
              className="button button-primary"
              type="button"
              disabled={busy}
              onClick={() => void publish()}
              data-testid="listing-publish"
            >
              {changeStatus.isPending ? t('listings.publishing') : t('listings.publish')}
            </button>
          </div>
        )}
        {listing?.status === 'published' && (
          <Link
            to={publicPaths.listing(listing.id)}
            className="button button-quiet"
            data-testid="listing-public-link"
          >
            {t('listings.publicPage')}
          </Link>
        )}
      </form>
      <CompliancePreview text={preview.text} flags={preview.flags} factsLine={factsLine} />
    </div>
  );
}
