import { isValidCreditCode, LISTING_CATEGORIES, type ListingCategory } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { Field } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/status';
import { publicPaths } from '../../../lib/paths';
import { useMyProfile, useSaveProfile } from '../api/seller-profile';

/** The seller's legal entity and shop description; the credit code is checked here before the server does. */
export function ProfilePage({ canEdit, shopSlug }: { canEdit: boolean; shopSlug: string | null }) {
  const { t } = useTranslation();
  const profile = useMyProfile();
  const save = useSaveProfile();
  const [codeError, setCodeError] = useState(false);
  const [saved, setSaved] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? '').trim();
    const creditCode = text('creditCode').toUpperCase();
    setCodeError(!isValidCreditCode(creditCode));
    setSaved(false);
    if (!isValidCreditCode(creditCode)) return;
    save.mutate(
      {
        creditCode,
        legalName: text('legalName'),
        contactName: text('contactName'),
        contactPhone: text('contactPhone'),
        description: text('description'),
        categories: form.getAll('categories').map(String) as ListingCategory[],
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ApiErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  const current = profile.data;

  return (
    <div className="page" data-page="seller-profile">
      <header className="page-header page-header-actions">
        <div>
          <h1>{t('storefront.title')}</h1>
          <p className="muted">{canEdit ? t('storefront.intro') : t('storefront.readOnly')}</p>
        </div>
        {shopSlug && (
          <Link to={publicPaths.shop(shopSlug)} className="button">
            {t('storefront.viewShop')}
          </Link>
        )}
      </header>
      <form className="panel form" onSubmit={submit} data-testid="profile-form">
        <fieldset className="plain-fieldset form" disabled={!canEdit}>
          <div className="form-row">
            <Field label={t('storefront.creditCode')} hint={t('storefront.creditCodeHint')}>
              <input
                className="input mono"
                name="creditCode"
                required
                maxLength={18}
                defaultValue={current?.creditCode ?? ''}
                aria-invalid={codeError}
              />
            </Field>
            <Field label={t('storefront.legalName')}>
              <input
                className="input"
                name="legalName"
                required
                minLength={2}
                maxLength={100}
                defaultValue={current?.legalName ?? ''}
              />
            </Field>
          </div>
          {codeError && <p className="field-error">{t('storefront.invalidCreditCode')}</p>}
          <div className="form-row">
            <Field label={t('storefront.contactName')}>
              <input
                className="input"
                name="contactName"
                required
                maxLength={40}
                defaultValue={current?.contactName ?? ''}
              />
            </Field>
            <Field label={t('storefront.contactPhone')}>
              <input
                className="input"
                name="contactPhone"
                type="tel"
                required
                defaultValue={current?.contactPhone ?? ''}
              />
            </Field>
          </div>
          <fieldset className="checkbox-group">
            <legend className="field-label">{t('storefront.categories')}</legend>
            {LISTING_CATEGORIES.map((category) => (
              <label key={category} className="checkbox">
                <input
                  type="checkbox"
                  name="categories"
                  value={category}
                  defaultChecked={current?.categories.includes(category)}
                />
                <span>{t(`goods.categories.${category}`)}</span>
              </label>
            ))}
          </fieldset>
          <Field label={t('storefront.description')}>
            <textarea
              className="input textarea"
              name="description"
              rows={4}
              maxLength={1000}
              defaultValue={current?.description ?? ''}
            />
          </Field>
        </fieldset>
        {save.isError && <ApiErrorAlert error={save.error} />}
        {saved && (
          <p className="alert alert-info" role="status">
            {t('storefront.saved')}
          </p>
        )}
        {canEdit && (
          <button className="button button-primary" type="submit" disabled={save.isPending}>
            {save.isPending ? t('storefront.saving') : t('storefront.save')}
          </button>
        )}
      </form>
    </div>
  );
}
