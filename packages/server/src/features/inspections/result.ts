import type { FlagFacts, InspectionResultBody, ListingStatusReason } from '@jadelive/shared';
import type { ComplianceFlag } from '@jadelive/shared/compliance';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { AppDeps } from '../../deps';
import { because, conflict, notFound } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { suspendListings } from '../certificates/service';
import { recordFlags } from '../compliance/record';
import { undoSoldCount } from '../orders/deal';
import { releaseHold, type Tx, unsellHold } from '../orders/holds';
import { refundCauseColumns } from '../orders/refund-cause';
import { lockOrder } from '../orders/repository';
import { refundOrderPayment } from '../orders/seller-actions';
import { transitionOrder } from '../orders/transitions';
import { notifyOrgs } from './notify';

type Deps = Pick<AppDeps, 'db' | 'config' | 'logger'>;
const system = { actor: 'system' as const, userId: null };

/**
 * The lab's answer. A match lets the order ship. A mismatch, in one transaction: the listing is
 * suspended, a block-severity certificate_mismatch flag goes to the regulator's feed, and the order
 * is cancelled (unpaid) or moved to refund_requested (paid). The refund itself calls the payment
 * provider, so it runs after that commit (`settleMismatch`); if the provider fails, the order stays
 * refund_requested with `settled_at` null and the commerce sweeper retries it. The piece does not go
 * back into stock: it failed its certificate and its listing is suspended.
 */
export async function recordInspectionResult(
  deps: Deps,
  lab: { orgId: string; userId: string | null },
  inspectionId: string,
  result: InspectionResultBody,
) {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const inspection = await trx
      .selectFrom('orderInspections')
      .selectAll()
      .where('id', '=', inspectionId)
      .where('labOrgId', '=', lab.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!inspection) throw notFound('inspection');
    if (inspection.status !== 'requested') {
      throw conflict(
        `the result was recorded already (${inspection.status})`,
        because('result_recorded', { status: inspection.status }),
      );
    }
    const matched = result.outcome === 'match';
    await trx
      .updateTable('orderInspections')
      .set({
        status: matched ? 'matched' : 'mismatched',
        resultIdentification: result.identification,
        resultWeightMg: result.weightMg ?? null,
        resultNote: result.note,
        resultRecordedAt: sql`now()`,
        resultRecordedBy: lab.userId,
      })
      .where('id', '=', inspectionId)
      .execute();
    await recordAudit(trx, {
      action: matched ? 'inspection.matched' : 'inspection.mismatched',
      // The seller's order, answered by the lab (whose member the entry names).
      organizationId: inspection.sellerOrgId,
      targetType: 'order',
      targetId: inspection.orderId,
      details: {
        inspectionId,
        identification: result.identification,
        weightMg: result.weightMg ?? null,
        certificateNumber: inspection.certificateNumber,
      },
    });
    const title = await listingTitle(trx, inspection.listingId);
    if (matched) {
      await notifyOrgs(trx, [inspection.sellerOrgId], {
        kind: 'inspection_matched',
        message: `「${title}」就地检验结果与证书相符（${result.identification}），可以发货。`,
        orderId: inspection.orderId,
        details: { title, identification: result.identification },
      });
      return 'matched' as const;
    }
    await applyMismatch(trx, inspection, result, title);
    return 'mismatched' as const;
  });
  if (outcome === 'mismatched') {
    try {
      await settleMismatch(deps, inspectionId);
    } catch (error) {
      deps.logger.warn({ err: error, inspectionId }, 'inspection refund not completed; the sweeper retries');
    }
  }
}

type InspectionRecord = {
  id: string;
  orderId: string;
  listingId: string;
  sellerOrgId: string;
  labOrgId: string;
  certificateId: string;
  certificateNumber: string;
  certificateIdentification: string;
  certificateWeightMg: number | null;
};

async function applyMismatch(
  trx: Tx,
  inspection: InspectionRecord,
  result: InspectionResultBody,
  title: string,
) {
  const mismatch = {
    kind: 'inspection_mismatch',
    identification: result.identification,
    certificateNumber: inspection.certificateNumber,
    certificateIdentification: inspection.certificateIdentification,
  } satisfies ListingStatusReason;
  const reason = `就地检验结果（${result.identification}）与证书 ${inspection.certificateNumber}（${inspection.certificateIdentification}）不符`;
  await suspendListings(
    trx,
    { listingId: inspection.listingId },
    {
      reason: mismatch,
      kind: 'listing_suspended_inspection',
      message: (listing) => `商品「${listing}」已下架：${reason}。`,
    },
  );
  const order = await lockOrder(trx, { system: true }, inspection.orderId);
  if (!order) throw notFound('order');
  const flagId = await raiseFlag(trx, inspection, result, order.liveSessionId, title);
  let settled = false;
  if (order.status === 'pending_payment') {
    await transitionOrder(trx, { system: true }, order.id, 'cancelled', system, {
      cause: { kind: 'inspection_mismatch' },
    });
    // The piece failed its certificate: it leaves the listing instead of going back on sale.
    await releaseHold(trx, { kind: 'order', holderId: order.id }, 'withdrawn', 'inspection_mismatch');
    settled = true;
  } else if (order.status === 'paid') {
    await transitionOrder(trx, { system: true }, order.id, 'refund_requested', system, {
      cause: { kind: 'inspection_mismatch' },
      set: { ...refundCauseColumns(mismatch), refundFromStatus: 'paid' },
    });
    await unsellHold(trx, { kind: 'order', holderId: order.id }, 'withdrawn', 'inspection_mismatch');
  } else if (order.status !== 'refund_requested') {
    settled = true;
  }
  await trx
    .updateTable('orderInspections')
    .set({ flagId, ...(settled ? { settledAt: sql`now()` } : {}) })
    .where('id', '=', inspection.id)
    .execute();
  await notifyOrgs(trx, [inspection.sellerOrgId], {
    kind: 'inspection_mismatched',
    message: `「${title}」${reason}：订单已自动取消并退款，商品已下架，已报送监管。`,
    orderId: inspection.orderId,
    details: {
      title,
      identification: result.identification,
      certificateIdentification: inspection.certificateIdentification,
    },
  });
}

const MISMATCH_FLAG: ComplianceFlag = {
  category: 'certificate_mismatch',
  ruleId: 'certificate_mismatch.inspection',
  severity: 'block',
  start: 0,
  end: 0,
  basis: '《网络直播营销管理办法（试行）》第十八条；《广告法》第二十八条；GB/T 16552',
  message: {
    'zh-CN': '就地检验：实物与所售商品绑定的检测证书不符',
    en: 'On-site inspection: the piece does not match the certificate it was sold with',
  },
  suggestion: {
    'zh-CN': '核查货源与证书，重新送检后按实际检验结果更新商品信息',
    en: 'Check the source of the piece and its certificate; re-certify and describe it as inspected',
  },
};

async function raiseFlag(
  trx: Database,
  inspection: InspectionRecord,
  result: InspectionResultBody,
  sessionId: string | null,
  title: string,
) {
  const text = `检验结果：${result.identification}；证书 ${inspection.certificateNumber}：${inspection.certificateIdentification}`;
  const lab = await trx
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', inspection.labOrgId)
    .executeTakeFirst();
  // Named facts for the reader, with the ids the record keeps beside them.
  const facts: FlagFacts & { inspection: Record<string, string | number | null> } = {
    certificate: {
      identification: inspection.certificateIdentification,
      number: inspection.certificateNumber,
      ...(inspection.certificateWeightMg !== null ? { weightMg: inspection.certificateWeightMg } : {}),
    },
    listing: { id: inspection.listingId, title },
    inspection: {
      inspectionId: inspection.id,
      orderId: inspection.orderId,
      labOrgId: inspection.labOrgId,
      labName: lab?.name ?? null,
      certificateId: inspection.certificateId,
      identification: result.identification,
      weightMg: result.weightMg ?? null,
      note: result.note,
    },
  };
  const [flagId] = await recordFlags(
    trx,
    {
      source: 'inspection',
      sellerOrgId: inspection.sellerOrgId,
      sessionId,
      listingId: inspection.listingId,
      // The inspection contradicts what the listing (and its certificate) claimed.
      speaker: { kind: 'listing_text', userId: null, name: null },
      text,
      saidAt: new Date(),
      facts,
    },
    [{ ...MISMATCH_FLAG, end: text.length }],
  );
  return flagId ?? null;
}

/**
 * Completes what a mismatch owes the buyer: refund_requested → refunded with the money back through
 * the provider, in one transaction (a provider failure leaves it for the next try). Idempotent: a
 * settled inspection is skipped. Answers whether it settled now.
 */
export async function settleMismatch(deps: Pick<AppDeps, 'db' | 'config'>, inspectionId: string) {
  return deps.db.transaction().execute(async (trx) => {
    const inspection = await trx
      .selectFrom('orderInspections')
      .select(['id', 'orderId'])
      .where('id', '=', inspectionId)
      .where('status', '=', 'mismatched')
      .where('settledAt', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!inspection) return false;
    const order = await lockOrder(trx, { system: true }, inspection.orderId);
    if (order?.status === 'refund_requested') {
      await transitionOrder(trx, { system: true }, order.id, 'refunded', system, {
        cause: { kind: 'inspection_mismatch' },
      });
      await refundOrderPayment(deps, trx, order.id);
      await undoSoldCount(trx, order);
    }
    await trx
      .updateTable('orderInspections')
      .set({ settledAt: sql`now()` })
      .where('id', '=', inspection.id)
      .execute();
    return true;
  });
}

async function listingTitle(trx: Database, listingId: string) {
  const row = await trx
    .selectFrom('listings')
    .select('title')
    .where('id', '=', listingId)
    .executeTakeFirstOrThrow();
  return row.title;
}
