import type { CatalogItem, ListingCategory, ListingStatus } from '@jadelive/shared';
import type { ListingRow } from '../listings/repository';
import { type CertificateColumns, certificateSummary } from '../listings/serialize';

/** What a card needs: a catalogue entry, or a listing row joined to its seller (`selectCatalog`). */
export type CatalogRow = Pick<
  ListingRow,
  | 'id'
  | 'sellerOrgId'
  | 'title'
  | 'category'
  | 'priceFen'
  | 'comparisonPriceFen'
  | 'stock'
  | 'soldCount'
  | 'imageIds'
  | 'status'
  | 'purityMark'
> &
  CertificateColumns & { sellerName: string; sellerSlug: string };

export function toCatalogItem(row: CatalogRow): CatalogItem {
  return {
    id: row.id,
    title: row.title,
    category: row.category as ListingCategory,
    priceFen: row.priceFen,
    comparisonPriceFen: row.comparisonPriceFen,
    stock: row.stock,
    soldCount: row.soldCount,
    imageIds: row.imageIds,
    status: row.status as ListingStatus,
    certificate: certificateSummary(row),
    purityMark: row.purityMark,
    seller: { id: row.sellerOrgId, name: row.sellerName, slug: row.sellerSlug },
  };
}
