import type { ArbitrationCase, OrderReturn } from '@jadelive/shared';
import { iso, isoOrNull } from '../../lib/serialize';
import type { ReturnRow } from './repository';

export function toOrderReturn(row: ReturnRow): OrderReturn {
  return {
    reason: row.reason,
    photoIds: row.photoIds,
    requestedAt: iso(row.requestedAt),
    respondBy: iso(row.respondBy),
    approvedAt: isoOrNull(row.approvedAt),
    refusalReason: row.refusalReason,
    refusedAt: isoOrNull(row.refusedAt),
    escalateBy: isoOrNull(row.escalateBy),
    buyerStatement: row.buyerStatement,
    buyerStatementPhotoIds: row.buyerStatementPhotoIds,
    escalatedAt: isoOrNull(row.escalatedAt),
    returnCarrier: row.returnCarrier,
    returnTrackingNumber: row.returnTrackingNumber,
    returnShippedAt: isoOrNull(row.returnShippedAt),
    damageReport: row.damageReport,
    damagePhotoIds: row.damagePhotoIds,
    damageReportedAt: isoOrNull(row.damageReportedAt),
    arbitration:
      row.arbitrationDecidedFor && row.arbitrationReason && row.arbitratedAt
        ? {
            decidedFor: row.arbitrationDecidedFor as 'buyer' | 'seller',
            reason: row.arbitrationReason,
            decidedAt: iso(row.arbitratedAt),
          }
        : null,
  };
}

export function toArbitrationCase(
  row: ReturnRow & { totalFen: number; listingTitle: string; buyerName: string; sellerName: string },
): ArbitrationCase {
  return {
    orderId: row.orderId,
    listingTitle: row.listingTitle,
    totalFen: Number(row.totalFen),
    buyerName: row.buyerName,
    sellerName: row.sellerName,
    stage: row.damageReportedAt ? 'damage' : 'refused',
    return: toOrderReturn(row),
  };
}
