import type {
  BaseKind,
  CreateBaseBody,
  CreateStudioBody,
  StudioStatus,
  UpdateBaseBody,
} from '@jadelive/shared';
import { sql } from 'kysely';
import type { Database } from '../../db/database';

// Bases and studios. Writes take the operator organisation and only touch its own bases, so
// another operator's base is simply not found.

const baseColumns = [
  'bases.id',
  'bases.name',
  'bases.address',
  'bases.district',
  'bases.kind',
  'bases.createdAt',
  'organizations.id as clusterId',
  'organizations.name as clusterName',
  'organizations.slug as clusterSlug',
  'inspectionLabs.id as inspectionLabId',
  'inspectionLabs.name as inspectionLabName',
] as const;

function selectBases(db: Database) {
  return db
    .selectFrom('bases')
    .innerJoin('organizations', 'organizations.id', 'bases.operatorOrgId')
    .leftJoin('organizations as inspectionLabs', 'inspectionLabs.id', 'bases.inspectionLabOrgId')
    .select(baseColumns)
    .orderBy('bases.createdAt')
    .orderBy('bases.id');
}

export async function listBases(db: Database, filter: { kind?: BaseKind; district?: string }) {
  let query = selectBases(db);
  if (filter.kind) query = query.where('bases.kind', '=', filter.kind);
  if (filter.district) query = query.where('bases.district', '=', filter.district);
  return query.execute();
}

export async function findBase(db: Database, baseId: string) {
  return selectBases(db).where('bases.id', '=', baseId).executeTakeFirst();
}

export async function listOperatedBases(db: Database, operatorOrgId: string) {
  return selectBases(db).where('bases.operatorOrgId', '=', operatorOrgId).execute();
}

export async function findOperatedBase(db: Database, operatorOrgId: string, baseId: string) {
  return selectBases(db)
    .where('bases.operatorOrgId', '=', operatorOrgId)
    .where('bases.id', '=', baseId)
    .executeTakeFirst();
}

export async function insertBase(db: Database, operatorOrgId: string, base: CreateBaseBody) {
  const { id } = await db
    .insertInto('bases')
    .values({ ...base, operatorOrgId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateBase(db: Database, operatorOrgId: string, baseId: string, patch: UpdateBaseBody) {
  const updated = await db
    .updateTable('bases')
    .set(patch)
    .where('operatorOrgId', '=', operatorOrgId)
    .where('id', '=', baseId)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

const studioColumns = [
  'studios.id',
  'studios.baseId',
  'studios.name',
  'studios.capacity',
  'studios.equipment',
  'studios.status',
  'studios.createdAt',
] as const;

export async function listStudiosOfBases(
  db: Database,
  baseIds: readonly string[],
  options: { includeRetired: boolean },
) {
  if (baseIds.length === 0) return [];
  let query = db
    .selectFrom('studios')
    .select(studioColumns)
    .where('studios.baseId', 'in', baseIds)
    .orderBy('studios.name')
    .orderBy('studios.id');
  if (!options.includeRetired) query = query.where('studios.status', '<>', 'retired');
  return query.execute();
}

export async function countMembershipsByStatus(db: Database, baseIds: readonly string[]) {
  if (baseIds.length === 0) return [];
  return db
    .selectFrom('baseMemberships')
    .select((eb) => ['baseId', 'status', eb.fn.countAll<string>().as('count')])
    .where('baseId', 'in', baseIds)
    .groupBy(['baseId', 'status'])
    .execute();
}

export async function listAdmittedSellers(db: Database, baseId: string) {
  return db
    .selectFrom('baseMemberships')
    .innerJoin('organizations', 'organizations.id', 'baseMemberships.sellerOrgId')
    .select(['organizations.id', 'organizations.name'])
    .where('baseMemberships.baseId', '=', baseId)
    .where('baseMemberships.status', '=', 'admitted')
    .orderBy('organizations.name')
    .execute();
}

/** Adds a studio to a base the operator runs; undefined when the base is not theirs. */
export async function insertStudio(
  db: Database,
  operatorOrgId: string,
  baseId: string,
  studio: CreateStudioBody,
) {
  return db
    .insertInto('studios')
    .columns(['baseId', 'name', 'capacity', 'equipment', 'status'])
    .expression((eb) =>
      eb
        .selectFrom('bases')
        .select([
          'bases.id',
          eb.val(studio.name).as('name'),
          eb.val(studio.capacity).as('capacity'),
          sql<string[]>`${[...new Set(studio.equipment)]}::text[]`.as('equipment'),
          eb.val(studio.status).as('status'),
        ])
        .where('bases.id', '=', baseId)
        .where('bases.operatorOrgId', '=', operatorOrgId),
    )
    .returning(studioColumns)
    .executeTakeFirst();
}

/** Locks a studio of the operator's base for a change; undefined when it is not theirs. */
export async function lockOperatedStudio(
  db: Database,
  operatorOrgId: string,
  baseId: string,
  studioId: string,
) {
  return db
    .selectFrom('studios')
    .innerJoin('bases', 'bases.id', 'studios.baseId')
    .select(studioColumns)
    .where('studios.id', '=', studioId)
    .where('studios.baseId', '=', baseId)
    .where('bases.operatorOrgId', '=', operatorOrgId)
    .forUpdate('studios')
    .executeTakeFirst();
}

export async function updateStudio(
  db: Database,
  studioId: string,
  patch: { name?: string; capacity?: number; equipment?: string[]; status?: StudioStatus },
) {
  const { equipment, ...rest } = patch;
  return db
    .updateTable('studios')
    .set({ ...rest, ...(equipment && { equipment: sql<string[]>`${[...new Set(equipment)]}::text[]` }) })
    .where('id', '=', studioId)
    .returning(studioColumns)
    .executeTakeFirstOrThrow();
}

export async function countFutureLiveBookings(db: Database, studioId: string) {
  const row = await db
    .selectFrom('studioBookings')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('studioId', '=', studioId)
    .where('status', 'in', ['requested', 'approved'])
    .where(sql<boolean>`upper(during) > now()`)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
