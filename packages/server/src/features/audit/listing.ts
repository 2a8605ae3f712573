import { maskName } from '@jadelive/shared';
import type { AuditQuery, AuditRecord } from '@jadelive/shared/audit-trail';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { DB } from '../../db/schema.generated';
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

/** Targets named by a column of their own table. */
const NAME_COLUMNS: Record<string, [table: keyof DB, column: string]> = {
  listing: ['listings', 'title'],
  certificate: ['certificates', 'number'],
  live_session: ['liveSessions', 'title'],
  organization: ['organizations', 'name'],
  base: ['bases', 'name'],
  studio: ['studios', 'name'],
  giveaway: ['giveaways', 'prizeTitle'],
  invitation: ['invitations', 'email'],
  api_token: ['apiTokens', 'name'],
  case: ['cases', 'title'],
  case_document: ['caseDocuments', 'number'],
};

type Labelled = { id: string; label: string | null }[];

/** Targets named through another table: what an order, a sale or a booking is of. */
const JOINED_NAMES: Record<string, (db: Database, ids: string[]) => Promise<Labelled>> = {
  order: (db, ids) =>
    db
      .selectFrom('orders')
      .innerJoin('listings', 'listings.id', 'orders.listingId')
      .select(['orders.id', 'listings.title as label'])
      .where('orders.id', 'in', ids)
      .execute(),
  auction: (db, ids) =>
    db
      .selectFrom('auctions')
      .innerJoin('listings', 'listings.id', 'auctions.listingId')
      .select(['auctions.id', 'listings.title as label'])
      .where('auctions.id', 'in', ids)
      .execute(),
  flash_sale: (db, ids) =>
    db
      .selectFrom('flashSales')
      .innerJoin('listings', 'listings.id', 'flashSales.listingId')
      .select(['flashSales.id', 'listings.title as label'])
      .where('flashSales.id', 'in', ids)
      .execute(),
  studio_booking: (db, ids) =>
    db
      .selectFrom('studioBookings')
      .innerJoin('studios', 'studios.id', 'studioBookings.studioId')
      .select(['studioBookings.id', 'studios.name as label'])
      .where('studioBookings.id', 'in', ids)
      .execute(),
  compliance_flag: (db, ids) =>
    db
      .selectFrom('complianceFlags')
      .select(['id', sql<string>`left(text, 40)`.as('label')])
      .where('id', 'in', ids)
      .execute(),
};

/**
 * Readable names for the targets of a page of entries: one query per kind of target present (at
 * most a page's worth of ids each). Kinds without a cheap name stay unnamed; a person outside the
 * reader's organisation is masked, as an actor would be.
 */
export async function targetLabels(
  db: Database,
  rows: AuditRow[],
  scope: AuditScope,
): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.targetType || !row.targetId || !UUID.test(row.targetId)) continue;
    idsByType.set(row.targetType, (idsByType.get(row.targetType) ?? new Set()).add(row.targetId));
  }
  const labels = new Map<string, string>();
  await Promise.all(
    [...idsByType].map(async ([type, idSet]) => {
      const ids = [...idSet];
      const named = NAME_COLUMNS[type];
      const joined = JOINED_NAMES[type];
      const found: Labelled = named
        ? await sql<Labelled[number]>`
            select id, ${sql.ref(named[1])} as label from ${sql.table(named[0])} where id in (${sql.join(ids)})`
            .execute(db)
            .then((result) => result.rows)
        : joined
          ? await joined(db, ids)
          : type === 'user'
            ? await userLabels(db, ids, scope)
            : [];
      for (const row of found) if (row.label) labels.set(`${type}:${row.id}`, row.label);
    }),
  );
  return labels;
}

async function userLabels(db: Database, ids: string[], scope: AuditScope): Promise<Labelled> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'displayName', 'organizationId'])
    .where('id', 'in', ids)
    .execute();
  return users.map((user) => ({
    id: user.id,
    label: isOwn(scope, user.organizationId) ? user.displayName : maskName(user.displayName),
  }));
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
