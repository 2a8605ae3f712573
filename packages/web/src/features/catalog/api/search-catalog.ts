import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { type CatalogSearch, catalogKeys } from './query-keys';

/** The query string carries numbers as text; the server coerces them back. */
function toQueryString(query: CatalogSearch): Record<string, string> {
  const entries = Object.entries(query).filter(([, value]) => value !== undefined && value !== '');
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

export function searchCatalog(query: CatalogSearch) {
  return unwrap(api.catalog.$get({ query: toQueryString(query) }));
}

export const catalogSearchQueryOptions = (query: CatalogSearch) =>
  queryOptions({ queryKey: catalogKeys.search(query), queryFn: () => searchCatalog(query) });

export function useCatalogSearch(query: CatalogSearch) {
  return useQuery({ ...catalogSearchQueryOptions(query), placeholderData: keepPreviousData });
}
