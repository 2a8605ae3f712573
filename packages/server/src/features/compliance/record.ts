import type { FlagFacts, FlagSpeaker } from '@jadelive/shared';
import { type ComplianceFlag, RULE_SET_VERSION } from '@jadelive/shared/compliance';
import { sql } from 'kysely';
import type { Database } from '../../db/database';

export const FLAG_CHANNEL = 'compliance_flags';

export type ClaimSource = 'listing' | 'caption' | 'talking_point' | 'chat' | 'inspection';

export interface Claim {
  source: ClaimSource;
  sellerOrgId: string;
  sessionId: string | null;
  listingId: string | null;
  /** Who said it; a viewer's words are the viewer's, never the seller's claim. */
  speaker: FlagSpeaker;
  text: string;
  saidAt: Date;
  facts: FlagFacts;
}

/**
 * Stores what the engine flagged in a claim, with the facts it was checked against, and announces
 * the new rows on a PostgreSQL channel so every API instance can push them to open feeds.
 */
export async function recordFlags(db: Database, claim: Claim, flags: ComplianceFlag[]): Promise<string[]> {
  if (flags.length === 0) return [];
  const rows = await db
    .insertInto('complianceFlags')
    .values(
      flags.map((flag) => ({
        source: claim.source,
        sellerOrgId: claim.sellerOrgId,
        sessionId: claim.sessionId,
        listingId: claim.listingId,
        speakerKind: claim.speaker.kind,
        speakerUserId: claim.speaker.userId,
        speakerName: claim.speaker.name,
        text: claim.text,
        category: flag.category,
        ruleId: flag.ruleId,
        severity: flag.severity,
        startOffset: flag.start,
        endOffset: flag.end,
        basis: flag.basis,
        message: JSON.stringify(flag.message),
        suggestion: JSON.stringify(flag.suggestion),
        facts: JSON.stringify(claim.facts),
        ruleSetVersion: RULE_SET_VERSION,
        saidAt: claim.saidAt,
      })),
    )
    .returning('id')
    .execute();
  const ids = rows.map((row) => row.id);
  // Delivered when the surrounding transaction commits, never before.
  await sql`select pg_notify(${FLAG_CHANNEL}, ${JSON.stringify({ ids, sellerOrgId: claim.sellerOrgId })})`.execute(
    db,
  );
  return ids;
}
