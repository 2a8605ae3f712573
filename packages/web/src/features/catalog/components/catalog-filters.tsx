import { CERTIFICATE_STATUSES, LISTING_CATEGORIES } from '@jadelive/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Field } from '../../../components/ui/field';
import { yuanToFen } from '../../../lib/units';
import { usePublicBases } from '../api/get-bases';
import { SORTS } from './catalog-search-params';

const FILTER_KEYS = ['q', 'category', 'certificate', 'cluster', 'base', 'min', 'max', 'sort'] as const;

/** Search box and filters; submitting writes them to the URL (and back to page 1). */
export function CatalogFilters() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const bases = usePublicBases();
  const [priceError, setPriceError] = useState(false);
  const clusters = new Map((bases.data ?? []).map((base) => [base.cluster.id, base.cluster.name]));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    const badPrice = ['min', 'max'].some((key) => next.has(key) && yuanToFen(next.get(key) ?? '') === null);
    setPriceError(badPrice);
    if (!badPrice) setParams(next);
  }

  return (
    <form className="catalog-filters" onSubmit={submit} key={params.toString()} data-testid="catalog-filters">
      <div className="search-row">
        <input
          className="input"
          type="search"
          name="q"
          aria-label={t('catalog.searchLabel')}
          placeholder={t('catalog.searchPlaceholder')}
          defaultValue={params.get('q') ?? ''}
          maxLength={40}
          data-testid="catalog-search"
        />
        <button className="button button-primary" type="submit" data-testid="catalog-search-submit">
          {t('catalog.search')}
        </button>
      </div>
      <details className="filter-details" open={params.size > 1 || undefined}>
        <summary>{t('catalog.filters')}</summary>
        <div className="form-row">
          <Field label={t('catalog.category')}>
            <select className="input" name="category" defaultValue={params.get('category') ?? ''}>
              <option value="">{t('catalog.allCategories')}</option>
              {LISTING_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`goods.categories.${category}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('catalog.certificateStatus')}>
            <select className="input" name="certificate" defaultValue={params.get('certificate') ?? ''}>
              <option value="">{t('catalog.anyCertificate')}</option>
              {CERTIFICATE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`goods.certificateStatuses.${status}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('catalog.cluster')}>
            <select className="input" name="cluster" defaultValue={params.get('cluster') ?? ''}>
              <option value="">{t('catalog.allClusters')}</option>
              {[...clusters].map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('catalog.base')}>
            <select className="input" name="base" defaultValue={params.get('base') ?? ''}>
              <option value="">{t('catalog.allBases')}</option>
              {(bases.data ?? []).map((base) => (
                <option key={base.id} value={base.id}>
                  {base.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('catalog.minPrice')}>
            <input className="input" name="min" inputMode="decimal" defaultValue={params.get('min') ?? ''} />
          </Field>
          <Field label={t('catalog.maxPrice')}>
            <input className="input" name="max" inputMode="decimal" defaultValue={params.get('max') ?? ''} />
          </Field>
          <Field label={t('catalog.sort')}>
            <select className="input" name="sort" defaultValue={params.get('sort') ?? 'newest'}>
              {SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`catalog.sorts.${sort}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {priceError && <p className="field-error">{t('catalog.invalidPrice')}</p>}
        <div className="button-row">
          <button className="button" type="submit">
            {t('catalog.apply')}
          </button>
          <button
            className="button button-quiet"
            type="button"
            onClick={() => setParams(new URLSearchParams())}
          >
            {t('catalog.reset')}
          </button>
        </div>
      </details>
    </form>
  );
}
