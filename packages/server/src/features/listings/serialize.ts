import type { Listing, ListingCategory, ListingStatus } from '@jadelive/shared';
import { iso, isoOrNull } from '../../lib/serialize';
import type { ListingRow } from './repository';
import { statusReasonFromColumns } from './status-reason';

/** The certificate columns of a listing row (`selectListings`) or a catalogue entry. */
export type CertificateColumns = Pick<
  ListingRow,
  | 'certificateId'
  | 'certificateNumber'
  | 'certificateIdentification'
  | 'certificateStatus'
  | 'certificatePieces'
  | 'certificateExternalLab'
  | 'certificateLabName'
  | 'certificateLabSlug'
>;

export function certificateSummary(row: CertificateColumns): Listing['certificate'] {
  if (
    !row.certificateId ||
    !row.certificateNumber ||
    !row.certificateIdentification ||
    !row.certificateStatus
  ) {
    return null;
  }
  const labName = row.certificateLabName ?? row.certificateExternalLab ?? '';
  return {
    id: row.certificateId,
    number: row.certificateNumber,
    labName,
    // What /verify takes as `lab`: the platform slug, or the outside lab's name.
    labKey: row.certificateLabSlug ?? labName,
    identification: row.certificateIdentification,
    status: row.certificateStatus as NonNullable<Listing['certificate']>['status'],
    pieces: row.certificatePieces ?? 1,
  };
}

export function toListing(row: ListingRow): Listing {
  return {
    id: row.id,
    sellerOrgId: row.sellerOrgId,
    title: row.title,
    description: row.description,
    category: row.category as ListingCategory,
    certificate: certificateSummary(row),
    priceFen: row.priceFen,
    comparisonPriceFen: row.comparisonPriceFen,
    lowestDealPriceFen7d: row.lowestDealPriceFen7d === null ? null : Number(row.lowestDealPriceFen7d),
    stock: row.stock,
    soldCount: row.soldCount,
    customMade: row.customMade,
    purityMark: row.purityMark,
    metalWeightMg: row.metalWeightMg,
    imageIds: row.imageIds,
    status: row.status as ListingStatus,
    statusReason: statusReasonFromColumns(row.statusReasonKind, row.statusReasonDetails),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    publishedAt: isoOrNull(row.publishedAt),
  };
}
