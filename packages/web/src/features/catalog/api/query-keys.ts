import type { CatalogQuery } from '@jadelive/shared';

export type CatalogSearch = Partial<CatalogQuery>;

/** Public catalogue queries all start with 'catalog'. */
export const catalogKeys = {
  all: ['catalog'] as const,
  search: (query: CatalogSearch) => ['catalog', 'search', query] as const,
  listing: (listingId: string) => ['catalog', 'listing', listingId] as const,
  shop: (slug: string) => ['catalog', 'shop', slug] as const,
  bases: ['catalog', 'bases'] as const,
};
