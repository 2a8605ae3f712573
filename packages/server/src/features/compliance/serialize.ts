import type { StoredFlag } from '@jadelive/shared';
import { iso } from '../../lib/serialize';
import type { FlagRow } from './repository';

export function toStoredFlag(row: FlagRow): StoredFlag {
  return {
    id: row.id,
    source: row.source as StoredFlag['source'],
    seller: { id: row.sellerOrgId, name: row.sellerName, district: row.sellerDistrict },
    sessionId: row.sessionId,
    listingId: row.listingId,
    speaker: row.speaker,
    text: row.text,
    category: row.category as StoredFlag['category'],
    ruleId: row.ruleId,
    severity: row.severity as StoredFlag['severity'],
    start: row.startOffset,
    end: row.endOffset,
    basis: row.basis,
    message: row.message as StoredFlag['message'],
    suggestion: row.suggestion as StoredFlag['suggestion'],
    facts: row.facts,
    ruleSetVersion: row.ruleSetVersion,
    saidAt: iso(row.saidAt),
    createdAt: iso(row.createdAt),
    review: row.reviewedAt
      ? { reviewedAt: iso(row.reviewedAt), reviewedBy: row.reviewedBy, note: row.reviewNote }
      : null,
  };
}
