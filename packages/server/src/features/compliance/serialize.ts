import { type FlagFacts, flagFactsSchema, type StoredFlag } from '@jadelive/shared';
import { iso } from '../../lib/serialize';
import type { FlagRow } from './repository';

/**
 * The stored facts as the shared schema reads them. Each part is read on its own, so a part an older
 * rule set stored differently drops alone instead of taking the others with it.
 */
export function readFlagFacts(stored: unknown): FlagFacts {
  if (typeof stored !== 'object' || stored === null) return {};
  const facts: FlagFacts = {};
  const record = stored as Record<string, unknown>;
  const certificate = flagFactsSchema.shape.certificate.safeParse(record.certificate);
  if (certificate.success && certificate.data) facts.certificate = certificate.data;
  const listing = flagFactsSchema.shape.listing.safeParse(record.listing);
  if (listing.success && listing.data) facts.listing = listing.data;
  const inspection = flagFactsSchema.shape.inspection.safeParse(record.inspection);
  if (inspection.success && inspection.data) facts.inspection = inspection.data;
  return facts;
}

export function toStoredFlag(row: FlagRow): StoredFlag {
  return {
    id: row.id,
    source: row.source as StoredFlag['source'],
    seller: { id: row.sellerOrgId, name: row.sellerName, district: row.sellerDistrict },
    sessionId: row.sessionId,
    listingId: row.listingId,
    speaker: {
      kind: row.speakerKind as StoredFlag['speaker']['kind'],
      userId: row.speakerUserId,
      name: row.speakerName,
    },
    text: row.text,
    category: row.category as StoredFlag['category'],
    ruleId: row.ruleId,
    severity: row.severity as StoredFlag['severity'],
    start: row.startOffset,
    end: row.endOffset,
    basis: row.basis,
    message: row.message as StoredFlag['message'],
    suggestion: row.suggestion as StoredFlag['suggestion'],
    facts: readFlagFacts(row.facts),
    ruleSetVersion: row.ruleSetVersion,
    saidAt: iso(row.saidAt),
    createdAt: iso(row.createdAt),
    review: row.reviewedAt
      ? { reviewedAt: iso(row.reviewedAt), reviewedBy: row.reviewedBy, note: row.reviewNote }
      : null,
  };
}
