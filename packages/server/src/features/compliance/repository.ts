import type { FlagsQuery, OrganizationKind } from '@jadelive/shared';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema.generated';
import { sellerAdmitted } from '../../db/scopes';

/** Who is looking: regulators see their district, operators the sellers of their bases, sellers themselves. */
export interface FlagViewer {
  kind: OrganizationKind;
  orgId: string;
  district: string | null;
}

export async function loadFlagViewer(db: Database, orgId: string): Promise<FlagViewer> {
  const org = await db
    .selectFrom('organizations')
    .select(['kind', 'district'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { kind: org.kind as OrganizationKind, orgId, district: org.district };
}

export function selectVisibleFlags(db: Database, viewer: FlagViewer) {
  const query = db
    .selectFrom('complianceFlags')
    .innerJoin('organizations as seller', 'seller.id', 'complianceFlags.sellerOrgId')
    .selectAll('complianceFlags')
    .select(['seller.name as sellerName', 'seller.district as sellerDistrict']);
  switch (viewer.kind) {
    case 'platform':
      return query;
    case 'regulator':
      // A regulator without a district is city-wide.
      return viewer.district === null ? query : query.where('seller.district', '=', viewer.district);
    case 'seller':
      return query.where('complianceFlags.sellerOrgId', '=', viewer.orgId);
    case 'cluster_operator':
      return query.where((eb) =>
        sellerAdmitted(eb, 'complianceFlags.sellerOrgId', { operatorOrgId: viewer.orgId }),
      );
    default:
      return query.where(sql<boolean>`false`);
  }
}

export type FlagRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectVisibleFlags>['executeTakeFirst']>>
>;

export async function listFlags(db: Database, viewer: FlagViewer, filters: FlagsQuery) {
  let query = selectVisibleFlags(db, viewer);
  if (filters.category) query = query.where('complianceFlags.category', '=', filters.category);
  if (filters.severity) query = query.where('complianceFlags.severity', '=', filters.severity);
  if (filters.source) query = query.where('complianceFlags.source', '=', filters.source);
  if (filters.speakerKind) query = query.where('complianceFlags.speakerKind', '=', filters.speakerKind);
  if (filters.sellerId) query = query.where('complianceFlags.sellerOrgId', '=', filters.sellerId);
  if (filters.sessionId) query = query.where('complianceFlags.sessionId', '=', filters.sessionId);
  if (filters.reviewed) {
    query = query.where('complianceFlags.reviewedAt', filters.reviewed === 'true' ? 'is not' : 'is', null);
  }
  if (filters.from) query = query.where('complianceFlags.createdAt', '>=', new Date(filters.from));
  if (filters.to) query = query.where('complianceFlags.createdAt', '<', new Date(filters.to));
  if (filters.before) query = query.where('complianceFlags.createdAt', '<', new Date(filters.before));
  if (filters.baseId || filters.clusterId) {
    const filter = { baseId: filters.baseId, operatorOrgId: filters.clusterId };
    query = query.where((eb) => sellerAdmitted(eb, 'complianceFlags.sellerOrgId', filter));
  }
  return query.orderBy('complianceFlags.createdAt', 'desc').limit(filters.limit).execute();
}

export async function findVisibleFlags(db: Database, viewer: FlagViewer, ids: string[], sessionId?: string) {
  if (ids.length === 0) return [];
  let query = selectVisibleFlags(db, viewer).where('complianceFlags.id', 'in', ids);
  if (sessionId) query = query.where('complianceFlags.sessionId', '=', sessionId);
  return query.orderBy('complianceFlags.createdAt').execute();
}

/** Marks a flag the viewer may see reviewed; undefined when it may not see it. */
export async function markReviewed(
  trx: Transaction<DB>,
  viewer: FlagViewer,
  id: string,
  userId: string,
  note: string,
) {
  const visible = await selectVisibleFlags(trx, viewer)
    .where('complianceFlags.id', '=', id)
    .executeTakeFirst();
  if (!visible) return undefined;
  return trx
    .updateTable('complianceFlags')
    .set({ reviewedAt: sql`now()`, reviewedBy: userId, reviewNote: note })
    .where('id', '=', id)
    .returning(['id', 'sellerOrgId', 'speakerKind', 'category', 'severity'])
    .executeTakeFirst();
}
