import type { CertificateStatus, ListingStatus } from '@jadelive/shared';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { Certificates } from '../../db/schema.generated';

/** Certificate columns plus the lab's name, whichever kind of lab issued it. */
export function selectCertificates(db: Database) {
  return db
    .selectFrom('certificates')
    .leftJoin('organizations as lab', 'lab.id', 'certificates.labOrgId')
    .selectAll('certificates')
    .select(['lab.name as labOrgName', 'lab.slug as labOrgSlug']);
}

export type CertificateRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof selectCertificates>['executeTakeFirst']>>
>;

export async function insertCertificate(
  db: Database,
  values: Omit<Insertable<Certificates>, 'labKey' | 'registrationRefused'>,
) {
  return db
    .insertInto('certificates')
    .values(values)
    .returning(['id', 'labKey', 'number'])
    .executeTakeFirstOrThrow();
}

/** Registrations of a (lab, number) still waiting for confirmation, other than `exceptId`. */
export async function listPendingRegistrations(
  db: Database,
  labKey: string,
  number: string,
  exceptId: string,
) {
  return db
    .selectFrom('certificates')
    .select(['id', 'status', 'number'])
    .where('labKey', '=', labKey)
    .where('number', '=', number)
    .where('status', '=', 'unverified')
    .where('id', '<>', exceptId)
    .orderBy('createdAt')
    .execute();
}

export async function findCertificate(db: Database, id: string) {
  return selectCertificates(db).where('certificates.id', '=', id).executeTakeFirst();
}

/** A certificate as seen by its holder (the seller); another seller's is not found. */
export async function findHeldCertificate(db: Database, holderOrgId: string, id: string) {
  return selectCertificates(db)
    .where('certificates.id', '=', id)
    .where('certificates.holderOrgId', '=', holderOrgId)
    .executeTakeFirst();
}

/** A certificate as seen by the lab named on it. */
export async function findLabCertificate(db: Database, labOrgId: string, id: string) {
  return selectCertificates(db)
    .where('certificates.id', '=', id)
    .where('certificates.labOrgId', '=', labOrgId)
    .executeTakeFirst();
}

export async function listHeldCertificates(db: Database, holderOrgId: string) {
  return selectCertificates(db)
    .where('certificates.holderOrgId', '=', holderOrgId)
    .orderBy('certificates.createdAt', 'desc')
    .limit(500)
    .execute();
}

export async function listLabCertificates(db: Database, labOrgId: string, status?: CertificateStatus) {
  let query = selectCertificates(db).where('certificates.labOrgId', '=', labOrgId);
  if (status) query = query.where('certificates.status', '=', status);
  return query.orderBy('certificates.createdAt', 'desc').limit(500).execute();
}

export async function listExternalUnverified(db: Database) {
  return selectCertificates(db)
    .where('certificates.labOrgId', 'is', null)
    .where('certificates.status', '=', 'unverified')
    .orderBy('certificates.createdAt')
    .limit(500)
    .execute();
}

/** The certificate holding a (lab, number): issued or confirmed, never a mere registration. */
export async function findByLabKeyAndNumber(db: Database, labKey: string, number: string) {
  return selectCertificates(db)
    .where('certificates.labKey', '=', labKey)
    .where('certificates.number', '=', number)
    .where('certificates.status', '<>', 'unverified')
    .where('certificates.registrationRefused', '=', false)
    .executeTakeFirst();
}

/**
 * Moves a certificate only from the status the caller saw, so two deciders cannot both win.
 * Revoking an unverified registration refuses it: it never held its number and gives it up.
 */
export async function changeCertificateStatus(
  db: Database,
  id: string,
  from: CertificateStatus,
  to: CertificateStatus,
  revokeReason: string | null,
) {
  return db
    .updateTable('certificates')
    .set({
      status: to,
      revokeReason,
      statusChangedAt: sql`now()`,
      ...(from === 'unverified' && to === 'revoked' ? { registrationRefused: true } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .returning(['id', 'labKey', 'number', 'holderOrgId'])
    .executeTakeFirst();
}

export async function recordCertificateEvent(
  db: Database,
  event: {
    certificateId: string;
    fromStatus: CertificateStatus | null;
    toStatus: CertificateStatus;
    actorUserId: string | null;
    actorOrgId: string | null;
    via: string;
    reason?: string | null;
  },
) {
  await db
    .insertInto('certificateEvents')
    .values({ ...event, reason: event.reason ?? null })
    .execute();
}

export async function listCertificateEvents(db: Database, certificateId: string) {
  return db
    .selectFrom('certificateEvents')
    .select(['fromStatus', 'toStatus', 'via', 'reason', 'actorOrgId', 'occurredAt'])
    .where('certificateId', '=', certificateId)
    .orderBy('id')
    .execute();
}

export async function findLabOrganization(db: Database, id: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('kind', '=', 'lab')
    .executeTakeFirst();
}

/** A lab named by slug or exact name on the platform. */
export async function findLabByName(db: Database, slugOrName: string) {
  return db
    .selectFrom('organizations')
    .select(['id'])
    .where('kind', '=', 'lab')
    .where((eb) => eb.or([eb('slug', '=', slugOrName), eb('name', '=', slugOrName)]))
    .executeTakeFirst();
}

export async function findSellerOrganization(db: Database, id: string) {
  return db
    .selectFrom('organizations')
    .select(['id'])
    .where('id', '=', id)
    .where('kind', '=', 'seller')
    .executeTakeFirst();
}

/** The holder's listings (not archived) bound to each of its certificates, for the editor's picker. */
export async function listBoundListings(db: Database, holderOrgId: string) {
  return db
    .selectFrom('listings')
    .select(['id as listingId', 'title', 'status', 'certificateId'])
    .where('sellerOrgId', '=', holderOrgId)
    .where('certificateId', 'is not', null)
    .where('status', '<>', 'archived')
    .orderBy('updatedAt', 'desc')
    .$narrowType<{ status: ListingStatus }>()
    .execute();
}
