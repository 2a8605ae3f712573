import type { Database } from '../db/database';
import { findDemoJadeShop } from './demo-jade-shop';

const DEMO_CASE_TITLE = '直播间宣称“国家级品质”涉嫌虚假宣传';

/**
 * One case in progress at the 渝中 regulator: opened from an officer's observation of the 解放碑
 * shop's last live session, filing asked for by regulator@ and waiting for a second officer
 * (regulator2@) to approve it. Idempotent by title.
 */
export async function seedDemoCases(trx: Database): Promise<void> {
  const shop = await findDemoJadeShop(trx);
  const office = await trx
    .selectFrom('organizations')
    .innerJoin('users', 'users.organizationId', 'organizations.id')
    .select(['organizations.id as orgId', 'users.id as officerId'])
    .where('organizations.slug', '=', 'yuzhong-samr')
    .where('users.email', '=', 'regulator@jadelive.test')
    .executeTakeFirst();
  if (!shop || !office) return;
  const existing = await trx
    .selectFrom('cases')
    .select('id')
    .where('regulatorOrgId', '=', office.orgId)
    .where('title', '=', DEMO_CASE_TITLE)
    .executeTakeFirst();
  if (existing) return;
  const session = await trx
    .selectFrom('liveSessions')
    .select(['id', 'endedAt'])
    .where('sellerOrgId', '=', shop.sellerOrgId)
    .where('status', '=', 'ended')
    .orderBy('plannedStartAt', 'desc')
    .executeTakeFirst();
  const observedAt = session?.endedAt ?? new Date(Date.now() - 3 * 86_400_000);
  const observation = await trx
    .insertInto('caseObservations')
    .values({
      regulatorOrgId: office.orgId,
      sellerOrgId: shop.sellerOrgId,
      note: '巡查发现主播口播“国家级品质、全网最好”，商品页无相应依据。',
      sessionId: session?.id ?? null,
      url: session ? `/live/${session.id}` : null,
      recordedBy: office.officerId,
      observedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const requestedAt = new Date(observedAt.getTime() + 86_400_000);
  const { id: caseId } = await trx
    .insertInto('cases')
    .values({
      regulatorOrgId: office.orgId,
      sellerOrgId: shop.sellerOrgId,
      title: DEMO_CASE_TITLE,
      step: 'filing_pending',
      openedBy: office.officerId,
      openedAt: observedAt,
      filingRequestedBy: office.officerId,
      filingRequestedAt: requestedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('caseSubjects')
    .values([
      { caseId, kind: 'observation', subjectId: observation.id, addedBy: office.officerId },
      ...(session ? [{ caseId, kind: 'session', subjectId: session.id, addedBy: office.officerId }] : []),
    ])
    .execute();
  await trx
    .insertInto('caseEvents')
    .values([
      {
        caseId,
        kind: 'opened',
        toStep: 'checking',
        actorUserId: office.officerId,
        actorOrgId: office.orgId,
        reason: '直播巡查发现绝对化用语',
        details: JSON.stringify({ title: DEMO_CASE_TITLE }),
        occurredAt: observedAt,
      },
      {
        caseId,
        kind: 'request_filing',
        fromStep: 'checking',
        toStep: 'filing_pending',
        actorUserId: office.officerId,
        actorOrgId: office.orgId,
        reason: '违法事实基本清楚，建议立案调查',
        occurredAt: requestedAt,
      },
    ])
    .execute();
}
