import type { Database } from '../../db/database';
import type { AppDeps } from '../../deps';
import { because, conflict, isUniqueViolation, notFound, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { lockOrder } from '../orders/repository';
import { notifyOrgs } from './notify';
import { findBaseLab } from './repository';

/** An inspection can be asked for until the piece leaves: unpaid or paid, never once shipped. */
const INSPECTABLE = ['pending_payment', 'paid'];

/**
 * The buyer's request for 就地检验. The order row lock serialises it with shipping, so a piece
 * cannot ship in the moment the request is made. The lab is the base's (see `findBaseLab`), else the
 * lab that issued the listing's certificate; a certificate from an outside lab with no base lab
 * leaves nobody to inspect (422).
 */
export async function requestInspection(deps: Pick<AppDeps, 'db'>, buyerUserId: string, orderId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, { buyerUserId }, orderId);
    if (!order) throw notFound('order');
    if (!INSPECTABLE.includes(order.status)) {
      throw conflict(`an order that is ${order.status} can no longer be inspected before shipping`, {
        reason: 'not_inspectable',
        status: order.status,
      });
    }
    return openInspection(trx, order);
  });
}

/**
 * Opens the inspection of an order the caller holds locked (or just created, when the buyer asks
 * for it at ordering), in the caller's transaction.
 */
export async function openInspection(
  trx: Database,
  order: {
    id: string;
    buyerUserId: string;
    sellerOrgId: string;
    listingId: string;
    liveSessionId: string | null;
  },
) {
  const orderId = order.id;
  const existing = await trx
    .selectFrom('orderInspections')
    .select('id')
    .where('orderId', '=', orderId)
    .executeTakeFirst();
  if (existing)
    throw conflict('an inspection was already requested for this order', { reason: 'inspection_exists' });
  const piece = await trx
    .selectFrom('listings')
    .innerJoin('certificates', 'certificates.id', 'listings.certificateId')
    .select([
      'listings.title',
      'certificates.id as certificateId',
      'certificates.number',
      'certificates.identification',
      'certificates.weightMg',
      'certificates.labOrgId',
    ])
    .where('listings.id', '=', order.listingId)
    .executeTakeFirst();
  if (!piece) {
    throw unprocessable('the listing has no certificate to inspect against', { reason: 'no_certificate' });
  }
  const baseLab = await findBaseLab(trx, order.sellerOrgId, order.liveSessionId);
  const lab = baseLab
    ? { ...baseLab, chosenBy: 'base' as const }
    : piece.labOrgId
      ? { baseId: null, labOrgId: piece.labOrgId, chosenBy: 'certificate' as const }
      : null;
  if (!lab) {
    throw unprocessable('no lab on the platform can inspect this piece', { reason: 'no_inspection_lab' });
  }
  const inserted = await trx
    .insertInto('orderInspections')
    .values({
      orderId,
      buyerUserId: order.buyerUserId,
      sellerOrgId: order.sellerOrgId,
      listingId: order.listingId,
      labOrgId: lab.labOrgId,
      labChosenBy: lab.chosenBy,
      baseId: lab.baseId,
      certificateId: piece.certificateId,
      certificateNumber: piece.number,
      certificateIdentification: piece.identification,
      certificateWeightMg: piece.weightMg,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        throw conflict('an inspection was already requested for this order', because('inspection_exists'));
      }
      throw error;
    });
  await recordAudit(trx, {
    action: 'inspection.requested',
    organizationId: order.sellerOrgId,
    targetType: 'order',
    targetId: orderId,
    details: {
      inspectionId: inserted.id,
      labOrgId: lab.labOrgId,
      labChosenBy: lab.chosenBy,
      certificateNumber: piece.number,
    },
  });
  await notifyOrgs(trx, [lab.labOrgId, order.sellerOrgId], {
    kind: 'inspection_requested',
    message: `订单商品「${piece.title}」申请就地检验，对照证书 ${piece.number}（${piece.identification}）；检验结果出来前不能发货。`,
    orderId,
    details: { title: piece.title, certificateNumber: piece.number, identification: piece.identification },
  });
  return inserted.id;
}
