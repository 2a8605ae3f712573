import type { Certificate, CertificateStatus, ListingStatusReason } from '@jadelive/shared';
import { parseIdentification } from '@jadelive/shared/compliance';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../http/errors';
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
    );
  }
  return { material: parsed.material, treatment: parsed.treatment };
}

export async function insertCertificateOrConflict(
  db: Database,
  values: Parameters<typeof repo.insertCertificate>[1],
): Promise<string> {
  try {
    const { id } = await repo.insertCertificate(db, values);
    return id;
  } catch (error) {
    if (isUniqueViolation(error, 'certificates_lab_number_unique')) {
      throw conflict(`certificate number ${values.number} already exists for this lab`);
    }
    throw error;
  }
}

/** Moves a certificate between statuses and records who did it, how and why. */
export async function transitionCertificate(
  trx: Database,
  certificate: { id: string; status: string },
  to: CertificateStatus,
  actor: CertificateActor,
  via: string,
  reason: string | null,
) {
  const from = certificate.status as CertificateStatus;
  const moved = await repo.changeCertificateStatus(
    trx,
    certificate.id,
    from,
    to,
    to === 'revoked' ? reason : null,
  );
  if (!moved) throw conflict('the certificate changed meanwhile; reload and try again');
  await repo.recordCertificateEvent(trx, {
    certificateId: certificate.id,
    fromStatus: from,
    toStatus: to,
    actorUserId: actor.userId,
    actorOrgId: actor.orgId,
    via,
    reason,
  });
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
  certificate: { id: string; status: string },
  to: 'verified' | 'revoked',
  actor: CertificateActor,
  via: string,
  reason: string | null,
): Promise<Certificate> {
  if (to === 'verified' && certificate.status !== 'unverified') {
    throw conflict(`the certificate is ${certificate.status}`);
  }
  if (to === 'revoked' && certificate.status === 'revoked')
    throw conflict('the certificate is revoked already');
  await db.transaction().execute((trx) => transitionCertificate(trx, certificate, to, actor, via, reason));
  const row = await repo.findCertificate(db, certificate.id);
  if (!row) throw notFound('certificate');
  return toCertificate(row);
}
