import {
  CERTIFICATE_STATUSES,
  type CertificateStatus,
  LISTING_CATEGORIES,
  type ListingCategory,
} from '@jadelive/shared';
import { yuanToFen } from '../../../lib/units';
import type { CatalogSearch } from '../api/query-keys';

export const PAGE_SIZE = 12;
export const SORTS = ['newest', 'price_asc', 'price_desc'] as const;
type Sort = (typeof SORTS)[number];

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/**
 * The catalogue's state lives in the URL (`?q=翡翠&category=jadeite&min=100&page=2`), so a search can
 * be shared and the back button works. Prices are typed in 元 and sent in fen.
 */
export function searchFromParams(params: URLSearchParams): { query: CatalogSearch; page: number } {
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const minPriceFen = yuanToFen(params.get('min') ?? '') ?? undefined;
  const maxPriceFen = yuanToFen(params.get('max') ?? '') ?? undefined;
  const query: CatalogSearch = {
    q: params.get('q')?.trim() || undefined,
    category: pick<ListingCategory>(LISTING_CATEGORIES, params.get('category')),
    certificateStatus: pick<CertificateStatus>(CERTIFICATE_STATUSES, params.get('certificate')),
    clusterId: params.get('cluster') || undefined,
    baseId: params.get('base') || undefined,
    minPriceFen,
    maxPriceFen,
    sort: pick<Sort>(SORTS, params.get('sort')) ?? 'newest',
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  return { query, page };
}
