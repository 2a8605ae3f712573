import { type CaseDocument, documentResponseBodySchema } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { ImageUpload } from '../../../components/ui/image-upload';
import { TextAreaField } from '../../../components/ui/text-area-field';
import { useOwnListings, useRespondToNotice } from '../api/notices';

/**
 * The seller's answer to a document: for a rectification notice what was corrected (the changed
 * listing and photos), for a 告知 its statement and whether it asks for a hearing.
 */
export function ResponseForm({ document }: { document: CaseDocument }) {
  const { t } = useTranslation();
  const respond = useRespondToNotice(document.id);
  const rectification = document.kind === 'rectification';
  const listings = useOwnListings();
  const [statement, setStatement] = useState('');
  const [listingId, setListingId] = useState('');
  const [imageIds, setImageIds] = useState<string[]>([]);
  const [hearingRequested, setHearingRequested] = useState(false);
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = documentResponseBodySchema.safeParse({
      statement,
      imageIds,
      hearingRequested,
      ...(listingId ? { listingId } : {}),
    });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    respond.mutate(parsed.data, {
      onSuccess: () => {
        setStatement('');
        setImageIds([]);
      },
    });
  }

  return (
    <form className="panel form" onSubmit={submit} data-testid="notice-response-form">
      <h2 className="section-heading">{t('notices.respond.heading')}</h2>
      <p className="muted">
        {rectification ? t('notices.respond.rectificationIntro') : t('notices.respond.defenceIntro')}
      </p>
      <TextAreaField
        label={t('notices.respond.statement')}
        rows={4}
        required
        minLength={2}
        maxLength={2000}
        value={statement}
        testId="notice-response-statement"
        onChange={setStatement}
      />
      {rectification && (
        <>
          <Field label={t('notices.respond.listing')}>
            <select
              className="input"
              value={listingId}
              onChange={(event) => setListingId(event.currentTarget.value)}
              data-testid="notice-response-listing"
            >
              <option value="">{t('notices.respond.noListing')}</option>
              {(listings.data ?? []).map((listing) => (
                <option key={listing.id} value={listing.id}>
                  {listing.title}
                </option>
              ))}
            </select>
          </Field>
          <ImageUpload
            label={t('notices.respond.photos')}
            imageIds={imageIds}
            onChange={setImageIds}
            max={9}
            testId="notice-response-photos"
          />
        </>
      )}
      {document.kind === 'penalty_notice' && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={hearingRequested}
            onChange={(event) => setHearingRequested(event.currentTarget.checked)}
          />
          {t('notices.respond.hearing')}
        </label>
      )}
      {invalid && <p className="field-error">{t('errors.VALIDATION_FAILED')}</p>}
      {respond.isError && <ApiErrorAlert error={respond.error} />}
      <button
        className="button button-primary"
        type="submit"
        disabled={respond.isPending}
        data-testid="notice-response-submit"
      >
        {respond.isPending ? t('notices.respond.submitting') : t('notices.respond.submit')}
      </button>
    </form>
  );
}
