import { maskName } from '@jadelive/shared';
import type { AuditQuery, AuditRecord } from '@jadelive/shared/audit-trail';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { iso } from '../../lib/serialize';

/**
 * Whose trail is read: one organisation's (the entries about its records, and whatever its own
 * members and tokens did elsewhere), or every entry (platform admins, who may narrow it to one
 * organisation the same way).
 */
export type AuditScope = { organizationId: string } | { everywhere: true };

export type AuditFilter = Omit<AuditQuery, 'cursor' | 'limit' | 'organizationId'> & { before?: number };

/**
 * A page of entries, newest first, with the actor's and organisations' names joined. Fetches one
 * row more than asked to know whether another page follows.
 */
export async function listAuditEntries(db: Database, scope: AuditScope, filter: AuditFilter, limit: number) {
  let query = db
    .selectFrom('auditEvents as e')
    .leftJoin('users as actor', 'actor.id', 'e.actorUserId')
    .leftJoin('apiTokens as token', 'token.id', 'e.actorTokenId')
    .leftJoin('organizations as actorOrg', (join) =>
      join.on((eb) => eb('actorOrg.id', '=', eb.fn.coalesce('actor.organizationId', 'token.organizationId'))),
    )
    .leftJoin('organizations as org', 'org.id', 'e.organizationId')
    .select([
      'e.id',
      'e.occurredAt',
      'e.action',
      'e.actorUserId',
      'e.actorTokenId',
      'e.organizationId',
      'e.targetType',
      'e.targetId',
      'e.ip',
      'e.requestId',
      'e.details',
      'actor.displayName as actorName',
      'token.name as tokenName',
      'actorOrg.id as actorOrgId',
      'actorOrg.name as actorOrgName',
      'org.name as organizationName',
    ])
    .orderBy('e.id', 'desc')
    .limit(limit);
  if ('organizationId' in scope) {
    const org = scope.organizationId;
    // Columns of audit_events only, so each arm can use its own index.
    query = query.where(
      sql<boolean>`(e.organization_id = ${org}
        or e.actor_user_id = any(array(select id from users where organization_id = ${org}))
        or e.actor_token_id = any(array(select id from api_tokens where organization_id = ${org})))`,
    );
  }
  if (filter.before !== undefined) query = query.where('e.id', '<', filter.before);
  if (filter.from) query = query.where('e.occurredAt', '>=', new Date(filter.from));
  if (filter.to) query = query.where('e.occurredAt', '<', new Date(filter.to));
  if (filter.actorUserId) query = query.where('e.actorUserId', '=', filter.actorUserId);
  if (filter.action?.endsWith('.')) {
    query = query.where(sql<boolean>`starts_with(e.action, ${filter.action})`);
  } else if (filter.action) {
    query = query.where('e.action', '=', filter.action);
  }
  if (filter.targetType) query = query.where('e.targetType', '=', filter.targetType);
  if (filter.targetId) query = query.where('e.targetId', '=', filter.targetId);
  if (filter.requestId) query = query.where('e.requestId', '=', filter.requestId);
  return query.execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>[number];

/**
 * Readable names for the targets of a page of entries: one query per kind of target present (at
 * most a page's worth of ids each). Kinds without a cheap name stay unnamed.
 */
export async function targetLabels(
  db: Database,
  rows: AuditRow[],
  scope: AuditScope,
): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(rows.flatMap((row) => (row.targetType === type && row.targetId ? [row.targetId] : []))),
  ];
  const uuids = (type: string) => idsOf(type).filter((id) => UUID.test(id));
  const lookups: [string, (ids: string[]) => Promise<{ id: string; label: string | null }[]>][] = [
    [
      'listing',
      (ids) => db.selectFrom('listings').select(['id', 'title as label']).where('id', 'in', ids).execute(),
    ],
    [
      'order',
      (ids) =>
        db
          .selectFrom('orders')
          .innerJoin('listings', 'listings.id', 'orders.listingId')
          .select(['orders.id', 'listings.title as label'])
          .where('orders.id', 'in', ids)
          .execute(),
    ],
    [
      'certificate',
      (ids) =>
        db.selectFrom('certificates').select(['id', 'number as label']).where('id', 'in', ids).execute(),
    ],
    [
      'live_session',
      (ids) =>
        db.selectFrom('liveSessions').select(['id', 'title as label']).where('id', 'in', ids).execute(),
    ],
    [
      'user',
      async (ids) => {
        const users = await db
          .selectFrom('users')
          .select(['id', 'displayName', 'organizationId'])
          .where('id', 'in', ids)
          .execute();
        return users.map((user) => ({
          id: user.id,
          label: isOwn(scope, user.organizationId) ? user.displayName : maskName(user.displayName),
        }));
      },
    ],
    [
      'organization',
      (ids) =>
        db.selectFrom('organizations').select(['id', 'name as label']).where('id', 'in', ids).execute(),
    ],
    [
      'base',
      (ids) => db.selectFrom('bases').select(['id', 'name as label']).where('id', 'in', ids).execute(),
    ],
    [
      'studio',
      (ids) => db.selectFrom('studios').select(['id', 'name as label']).where('id', 'in', ids).execute(),
    ],
    [
      'studio_booking',
      (ids) =>
        db
          .selectFrom('studioBookings')
          .innerJoin('studios', 'studios.id', 'studioBookings.studioId')
          .select(['studioBookings.id', 'studios.name as label'])
          .where('studioBookings.id', 'in', ids)
          .execute(),
    ],
    [
      'auction',
      (ids) =>
        db
          .selectFrom('auctions')
          .innerJoin('listings', 'listings.id', 'auctions.listingId')
          .select(['auctions.id', 'listings.title as label'])
          .where('auctions.id', 'in', ids)
          .execute(),
    ],
    [
      'flash_sale',
      (ids) =>
        db
          .selectFrom('flashSales')
          .innerJoin('listings', 'listings.id', 'flashSales.listingId')
          .select(['flashSales.id', 'listings.title as label'])
          .where('flashSales.id', 'in', ids)
          .execute(),
    ],
    [
      'giveaway',
      (ids) =>
        db.selectFrom('giveaways').select(['id', 'prizeTitle as label']).where('id', 'in', ids).execute(),
    ],
    [
      'invitation',
      (ids) => db.selectFrom('invitations').select(['id', 'email as label']).where('id', 'in', ids).execute(),
    ],
    [
      'case',
      (ids) => db.selectFrom('cases').select(['id', 'title as label']).where('id', 'in', ids).execute(),
    ],
    [
      'case_document',
      (ids) =>
        db.selectFrom('caseDocuments').select(['id', 'number as label']).where('id', 'in', ids).execute(),
    ],
    [
      'compliance_flag',
      (ids) =>
        db
          .selectFrom('complianceFlags')
          .select(['id', sql<string>`left(text, 40)`.as('label')])
          .where('id', 'in', ids)
          .execute(),
    ],
    [
      'api_token',
      (ids) => db.selectFrom('apiTokens').select(['id', 'name as label']).where('id', 'in', ids).execute(),
    ],
  ];
  const labels = new Map<string, string>();
  await Promise.all(
    lookups.map(async ([type, lookup]) => {
      const ids = uuids(type);
      if (ids.length === 0) return;
      for (const row of await lookup(ids)) if (row.label) labels.set(`${type}:${row.id}`, row.label);
    }),
  );
  return labels;
}

/** Whether a person of this organisation is shown in full to the scope's reader. */
function isOwn(scope: AuditScope, organizationId: string | null) {
  return 'everywhere' in scope || organizationId === scope.organizationId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An entry as its reader may see it. Outside the platform, a person who is not one of the
 * reader's own members is shown masked (张*) and without an address: a buyer's name and IP are
 * theirs, not the shop's.
 */
export function toAuditRecord(row: AuditRow, labels: Map<string, string>, scope: AuditScope): AuditRecord {
  const ownMember = isOwn(scope, row.actorOrgId);
  const actor: AuditRecord['actor'] = row.actorUserId
    ? {
        kind: 'user',
        id: row.actorUserId,
        name: row.actorName === null ? null : ownMember ? row.actorName : maskName(row.actorName),
        organizationName: row.actorOrgName,
      }
    : row.actorTokenId
      ? { kind: 'token', id: row.actorTokenId, name: row.tokenName, organizationName: row.actorOrgName }
      : { kind: 'system', id: null, name: null, organizationName: null };
  return {
    id: row.id,
    occurredAt: iso(row.occurredAt),
    action: row.action,
    actor,
    organization:
      row.organizationId && row.organizationName
        ? { id: row.organizationId, name: row.organizationName }
        : null,
    target: row.targetType
      ? {
          type: row.targetType,
          id: row.targetId,
          label: row.targetId ? (labels.get(`${row.targetType}:${row.targetId}`) ?? null) : null,
        }
      : null,
    ip: ownMember ? row.ip : null,
    requestId: row.requestId,
    details:
      row.details !== null && typeof row.details === 'object' && !Array.isArray(row.details)
        ? (row.details as Record<string, unknown>)
        : {},
  };
}
