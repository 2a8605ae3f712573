import {
  type HeldCertificate,
  LISTING_CATEGORIES,
  type ListingCategory,
  PURITY_MARKS,
} from '@jadelive/shared';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import { ImageUpload } from '../../../components/ui/image-upload';
import type { ListingDraft } from './listing-draft';

interface ListingFormProps {
  draft: ListingDraft;
  onChange: (draft: ListingDraft) => void;
  certificates: HeldCertificate[];
  /** The listing being edited (absent for a new one): its own binding is not "in use". */
  listingId?: string;
}

/** The other listing a certificate is bound to, the one holding it (on sale …) first. */
function otherUse(certificate: HeldCertificate, listingId: string | undefined) {
  const others = certificate.usedBy.filter((use) => use.listingId !== listingId);
  return others.find((use) => use.status !== 'draft') ?? others[0] ?? null;
}

/** The listing's fields, controlled: every keystroke feeds the compliance preview. */
export function ListingFields({ draft, onChange, certificates, listingId }: ListingFormProps) {
  const { t } = useTranslation();
  const set = <K extends keyof ListingDraft>(key: K, value: ListingDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const text = (key: 'title' | 'description' | 'price' | 'comparisonPrice' | 'stock' | 'metalWeight') => ({
    value: draft[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key, event.currentTarget.value),
  });
  // A revoked certificate can back nothing; the current one stays listed so the form shows it.
  const choices = certificates.filter(
    (certificate) => certificate.status !== 'revoked' || certificate.id === draft.certificateId,
  );

  const chosen = certificates.find((certificate) => certificate.id === draft.certificateId);
  const chosenUse = chosen ? otherUse(chosen, listingId) : null;

  return (
    <>
      <Field label={t('listings.fields.title')}>
        <input
          className="input"
          required
          minLength={2}
          maxLength={60}
          {...text('title')}
          data-testid="listing-title-input"
        />
      </Field>
      <Field label={t('listings.fields.description')}>
        <textarea
          className="input textarea"
          rows={6}
          maxLength={2000}
          {...text('description')}
          data-testid="listing-description-input"
        />
      </Field>
      <div className="form-row">
        <Field label={t('listings.fields.category')}>
          <select
            className="input"
            value={draft.category}
            onChange={(event) => set('category', event.currentTarget.value as ListingCategory)}
            data-testid="listing-category"
          >
            {LISTING_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {t(`goods.categories.${category}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('listings.fields.price')}>
          <input
            className="input"
            required
            inputMode="decimal"
            {...text('price')}
            data-testid="listing-price-input"
          />
        </Field>
        <Field label={t('listings.fields.stock')}>
          <input
            className="input"
            type="number"
            min={0}
            max={100000}
            required
            {...text('stock')}
            data-testid="listing-stock-input"
          />
        </Field>
      </div>
      <Field label={t('listings.fields.comparisonPrice')} hint={t('listings.fields.comparisonHint')}>
        <input className="input" inputMode="decimal" {...text('comparisonPrice')} />
      </Field>
      <Field label={t('listings.fields.certificate')} hint={t('listings.fields.certificateHint')}>
        <select
          className="input"
          value={draft.certificateId}
          onChange={(event) => set('certificateId', event.currentTarget.value)}
          data-testid="listing-certificate"
        >
          <option value="">{t('listings.fields.noCertificate')}</option>
          {choices.map((certificate) => {
            const use = otherUse(certificate, listingId);
            return (
              <option
                key={certificate.id}
                value={certificate.id}
                data-number={certificate.number}
                data-in-use={use ? use.status : undefined}
              >
                {`${certificate.number} · ${certificate.identification} · ${t(`goods.certificateStatuses.${certificate.status}`)}`}
                {use &&
                  ` · ${t('listings.fields.certificateUsedBy', { title: use.title, status: t(`goods.listingStatuses.${use.status}`) })}`}
              </option>
            );
          })}
        </select>
      </Field>
      {chosenUse && (
        <p className="fine-print" data-testid="certificate-in-use" data-status={chosenUse.status}>
          {chosenUse.status === 'draft'
            ? t('listings.fields.certificateSharedWithDraft', { title: chosenUse.title })
            : t('listings.fields.certificateHeldBy', { title: chosenUse.title })}
        </p>
      )}
      {draft.category === 'precious_metal' && (
        <div className="form-row">
          <Field label={t('listings.fields.purityMark')}>
            <select
              className="input"
              value={draft.purityMark}
              onChange={(event) => set('purityMark', event.currentTarget.value)}
            >
              <option value="">{t('listings.fields.noPurityMark')}</option>
              {PURITY_MARKS.map((mark) => (
                <option key={mark} value={mark}>
                  {mark}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('listings.fields.metalWeight')}>
            <input className="input" inputMode="decimal" {...text('metalWeight')} />
          </Field>
        </div>
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.customMade}
          onChange={(event) => set('customMade', event.currentTarget.checked)}
        />
        <span>{t('listings.fields.customMade')}</span>
      </label>
      <ImageUpload
        label={t('listings.fields.images')}
        imageIds={draft.imageIds}
        onChange={(imageIds) => set('imageIds', imageIds)}
        max={9}
        testId="listing-images"
      />
    </>
  );
}
