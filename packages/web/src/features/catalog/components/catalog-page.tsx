import '../catalog.css';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/errors/api-error-alert';
import { EmptyState, Loading } from '../../../components/ui/status';
import { useCatalogSearch } from '../api/search-catalog';
import { CatalogFilters } from './catalog-filters';
import { searchFromParams } from './catalog-search-params';
import { ListingCard } from './listing-card';

/** Public catalogue: Chinese substring search, filters and paging, all in the URL. */
export function CatalogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { query, page } = searchFromParams(params);
  const results = useCatalogSearch(query);

  function goTo(nextPage: number) {
    const next = new URLSearchParams(params);
    if (nextPage <= 1) next.delete('page');
    else next.set('page', String(nextPage));
    setParams(next);
    window.scrollTo({ top: 0 });
  }

  return (
    <div className="page" data-page="catalog">
      <header className="page-header">
        <h1>{t('catalog.title')}</h1>
        <p className="muted">{t('catalog.intro')}</p>
      </header>
      <CatalogFilters />
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <EmptyState>{t('catalog.empty')}</EmptyState>
      ) : (
        <div className="listing-grid" data-testid="catalog-results" aria-busy={results.isFetching}>
          {results.data.items.map((item) => (
            <ListingCard key={item.id} item={item} />
          ))}
        </div>
      )}
      {results.data && (page > 1 || results.data.hasMore) && (
        <nav className="pager" aria-label={t('catalog.page', { page })}>
          <button type="button" className="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
            {t('catalog.previous')}
          </button>
          <span className="muted">{t('catalog.page', { page })}</span>
          <button
            type="button"
            className="button"
            disabled={!results.data.hasMore}
            onClick={() => goTo(page + 1)}
          >
            {t('catalog.next')}
          </button>
        </nav>
      )}
    </div>
  );
}
