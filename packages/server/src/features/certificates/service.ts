import type { Certificate, CertificateStatus, ListingStatusReason } from '@jadelive/shared';
import { parseIdentification } from '@jadelive/shared/compliance';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { because, conflict, isUniqueViolation, notFound, unprocessable } from '../../http/errors';
import { type AuditAction, recordAudit } from '../audit/repository';
import { statusReasonColumns, statusReasonFacts } from '../listings/status-reason';
import * as repo from './repository';
import { toCertificate } from './serialize';

export interface CertificateActor {
  userId: string | null;
  orgId: string | null;
}

/** Material and treatment come from the printed identification, so a listing can be checked against them. */
export function describeIdentification(identification: string) {
  const parsed = parseIdentification(identification);
  if (parsed.material === null) {
    throw unprocessable(
      'the identification names no material we recognise (GB/T 16552 naming, e.g. 翡翠（处理）手镯)',
      { ...because('identification_unrecognised'), field: 'identification' },
    );
  }
  return { material: parsed.material, treatment: parsed.treatment };
}

/** Why a registration stops waiting when the lab issues or confirms the real certificate. */
const SUPERSEDED_REASON = '该编号的证书已由检测机构签发或确认给其持有人，此登记作废';

/**
 * A new certificate and its first event. The (lab, number) clashes that `clash` names are a 409
 * with `message`; any other unique violation is not this caller's business and stays an error.
 */
async function insertRecorded(
  trx: Database,
  values: Parameters<typeof repo.insertCertificate>[1],
  actor: CertificateActor,
  via: string,
  clash: { constraint: string; message: string },
) {
  const inserted = await repo.insertCertificate(trx, values).catch((error: unknown) => {
    if (isUniqueViolation(error, clash.constraint)) {
      throw conflict(clash.message, because('certificate_number_taken', { number: values.number }));
    }
    throw error;
  });
  await recordChange(trx, { ...values, id: inserted.id }, null, values.status as CertificateStatus, {
    actor,
    via,
    reason: null,
  });
  return inserted;
}

/** The certificate's own history (who, how, why) and the audit trail's entry, in the caller's transaction. */
async function recordChange(
  trx: Database,
  certificate: { id: string; number: string; holderOrgId: string },
  from: CertificateStatus | null,
  to: CertificateStatus,
  change: { actor: CertificateActor; via: string; reason: string | null },
) {
  const { actor, via, reason } = change;
  await repo.recordCertificateEvent(trx, {
    certificateId: certificate.id,
    fromStatus: from,
    toStatus: to,
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    via,
    reason,
  });
  const action: AuditAction =
    from === null
      ? via === 'lab_issue'
        ? 'certificate.issued'
        : 'certificate.registered'
      : to === 'verified'
        ? 'certificate.confirmed'
        : from === 'unverified'
          ? 'certificate.refused'
          : 'certificate.revoked';
  await recordAudit(trx, {
    action,
    // A lookup adapter's confirmation is the system's (no user, no organisation acting).
    actorUserId: actor.userId,
    // The holder's certificate, whoever decided: the lab sees what its own members did.
    organizationId: certificate.holderOrgId,
    targetType: 'certificate',
    targetId: certificate.id,
    details: { number: certificate.number, from, to, via, reason, holderOrgId: certificate.holderOrgId },
  });
}

/**
 * A lab issues a certificate (verified at once). The number is the lab's to give: a certificate it
 * issued or confirmed before is a 409 (told only to the lab), and every registration of the same
 * number still waiting for confirmation is superseded.
 */
export async function issueCertificate(
  trx: Database,
  values: Omit<Parameters<typeof repo.insertCertificate>[1], 'status'>,
  actor: CertificateActor,
): Promise<string> {
  const inserted = await insertRecorded(trx, { ...values, status: 'verified' }, actor, 'lab_issue', {
    constraint: 'certificates_lab_number_held',
    message: `certificate number ${values.number} was issued by this lab already`,
  });
  await supersedePendingRegistrations(trx, inserted, actor);
  return inserted.id;
}

/**
 * A seller registers a certificate: it waits, unverified and holding nothing, for its lab, an
 * admin or a lookup adapter. Whether someone else registered or holds the number is never said
 * (the answer is the same either way); only the seller's own pending registration of it is a 409.
 */
export async function registerCertificate(
  trx: Database,
  values: Omit<Parameters<typeof repo.insertCertificate>[1], 'status'>,
  actor: CertificateActor,
): Promise<string> {
  const inserted = await insertRecorded(
    trx,
    { ...values, status: 'unverified' },
    actor,
    'seller_registration',
    {
      constraint: 'certificates_holder_number_pending',
      message: `you have registered certificate number ${values.number} already`,
    },
  );
  return inserted.id;
}

/** Other registrations of a number that now has its holder are refused, and their listings suspended. */
async function supersedePendingRegistrations(
  trx: Database,
  holder: { id: string; labKey: string; number: string },
  actor: CertificateActor,
) {
  const pending = await repo.listPendingRegistrations(trx, holder.labKey, holder.number, holder.id);
  for (const registration of pending) {
    await transitionCertificate(trx, registration, 'revoked', actor, 'superseded', SUPERSEDED_REASON);
  }
}

/**
 * Moves a certificate between statuses and records who did it, how and why. Confirming gives the
 * certificate its number (409 if another certificate holds it) and supersedes the other pending
 * registrations of it; revoking an unverified one refuses the registration, which gives the
 * number up.
 */
export async function transitionCertificate(
  trx: Database,
  certificate: { id: string; status: string; number: string },
  to: CertificateStatus,
  actor: CertificateActor,
  via: string,
  reason: string | null,
) {
  const from = certificate.status as CertificateStatus;
  const moved = await repo
    .changeCertificateStatus(trx, certificate.id, from, to, to === 'revoked' ? reason : null)
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'certificates_lab_number_held')) {
        throw conflict(
          'another certificate of this lab holds this number already',
          because('certificate_number_taken', { number: certificate.number }),
        );
      }
      throw error;
    });
  if (!moved) {
    throw conflict('the certificate changed meanwhile; reload and try again', because('certificate_changed'));
  }
  await recordChange(trx, moved, from, to, { actor, via, reason });
  if (to === 'verified') await supersedePendingRegistrations(trx, moved, actor);
  if (to === 'revoked') await suspendListingsOfRevoked(trx, certificate.id, reason ?? '');
}

/**
 * A revoked certificate no longer backs anything: its live listings are suspended at once and
 * each seller is told why.
 */
async function suspendListingsOfRevoked(trx: Database, certificateId: string, reason: string) {
  await suspendListings(
    trx,
    { certificateId },
    {
      reason: { kind: 'certificate_revoked', reason },
      kind: 'listing_suspended',
      message: (title) => `商品「${title}」已下架：所绑定的检测证书已被撤销（${reason}）。`,
    },
  );
}

/**
 * Takes listings off sale (draft, published and sold-out ones; suspended stays suspended), records
 * why as `reason` (a kind and its facts), and notifies each seller with those facts beside the
 * title, so both are worded in the reader's language.
 */
export async function suspendListings(
  trx: Database,
  target: { certificateId: string } | { listingId: string },
  notice: {
    reason: ListingStatusReason;
    kind: string;
    message: (title: string) => string;
  },
) {
  const suspended = await trx
    .updateTable('listings')
    .set({ status: 'suspended', ...statusReasonColumns(notice.reason), updatedAt: sql`now()` })
    .where(
      'certificateId' in target ? 'certificateId' : 'id',
      '=',
      'certificateId' in target ? target.certificateId : target.listingId,
    )
    .where('status', 'in', ['draft', 'published', 'sold_out'])
    .returning(['id', 'sellerOrgId', 'title'])
    .execute();
  if (suspended.length === 0) return suspended;
  for (const listing of suspended) {
    await recordAudit(trx, {
      action: 'listing.suspended',
      organizationId: listing.sellerOrgId,
      targetType: 'listing',
      targetId: listing.id,
      details: { title: listing.title, reason: notice.reason },
    });
  }
  await trx
    .insertInto('notifications')
    .values(
      suspended.map((listing) => ({
        orgId: listing.sellerOrgId,
        kind: notice.kind,
        message: notice.message(listing.title),
        subjectType: 'listing',
        subjectId: listing.id,
        details: JSON.stringify({ title: listing.title, ...statusReasonFacts(notice.reason) }),
      })),
    )
    .execute();
  return suspended;
}

/**
 * A lab's or an admin's decision: confirm an unverified registration, or revoke. Runs in one
 * transaction and answers the certificate as it now stands.
 */
export async function decideCertificate(
  db: Database,
  certificate: { id: string; status: string; number: string },
  to: 'verified' | 'revoked',
  actor: CertificateActor,
  via: string,
  reason: string | null,
): Promise<Certificate> {
  if (to === 'verified' && certificate.status !== 'unverified') {
    throw conflict(
      `the certificate is ${certificate.status}`,
      because('certificate_status', { status: certificate.status }),
    );
  }
  if (to === 'revoked' && certificate.status === 'revoked')
    throw conflict('the certificate is revoked already', because('certificate_revoked_already'));
  await db.transaction().execute((trx) => transitionCertificate(trx, certificate, to, actor, via, reason));
  const row = await repo.findCertificate(db, certificate.id);
  if (!row) throw notFound('certificate');
  return toCertificate(row);
}
