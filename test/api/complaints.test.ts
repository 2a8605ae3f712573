import { findComplaintLead, listComplaintLeads } from '@jadelive/server/features/complaints/repository';
import { toComplaint } from '@jadelive/server/features/complaints/serialize';
import { escalateComplaint } from '@jadelive/server/features/complaints/service';
import { addCalendarDays, addWorkingDays, beijingDate, workingDaysLeft } from '@jadelive/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type Session, type TestApp } from '../support/app';
import { type CatalogWorld, createCatalogWorld, createListing } from '../support/catalog-fixtures';
import {
  buyerSession,
  idempotencyKey,
  publishedListing,
  uploadBuyerPhoto,
} from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant, TEST_PASSWORD } from '../support/fixtures';

let database: TestDatabase;
let app: TestApp;
let world: CatalogWorld;
let buyer: Session;
let otherBuyer: Session;
let otherSeller: Session;
let regulator: Session;
let regulatorOrgId: string;
let farRegulator: Session;
let farRegulatorOrgId: string;
let sessionId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCatalogWorld(database.db, app);
  await database.db
    .updateTable('organizations')
    .set({ district: '渝中区', name: '解放碑翠玉轩' })
    .where('id', '=', world.seller.orgId)
    .execute();
  buyer = await buyerSession(database.db);
  otherBuyer = await buyerSession(database.db);
  await database.db
    .updateTable('users')
    .set({ displayName: '张女士' })
    .where('id', '=', buyer.userId)
    .execute();
  const other = await createTenant(database.db, 'seller', ['owner'], { district: '渝中区' });
  otherSeller = await login(app, other.members.owner.email, TEST_PASSWORD);
  const near = await createTenant(database.db, 'regulator', ['owner'], {
    district: '渝中区',
    name: '渝中区市场监管局',
  });
  const far = await createTenant(database.db, 'regulator', ['owner'], {
    district: '江津区',
    name: '江津区市场监管局',
  });
  regulator = await login(app, near.members.owner.email, TEST_PASSWORD);
  regulatorOrgId = near.org.id;
  farRegulator = await login(app, far.members.owner.email, TEST_PASSWORD);
  farRegulatorOrgId = far.org.id;
  const session = await database.db
    .insertInto('liveSessions')
    .values({
      sellerOrgId: world.seller.orgId,
      title: '和田玉专场',
      plannedStartAt: new Date(),
      status: 'ended',
      createdBy: world.seller.session.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  sessionId = session.id;
});
afterAll(() => database?.drop());

async function orderOf(session: Session) {
  const listingId = await publishedListing(app, world);
  const created = await call(app, 'POST', '/api/orders', {
    session,
    body: { listingId, quantity: 1, idempotencyKey: idempotencyKey() },
  });
  expect(created.status, created.text).toBe(201);
  return { orderId: created.json.id as string, listingId };
}

async function file(session: Session, subject: { kind: string; id: string }, extra: object = {}) {
  return call(app, 'POST', '/api/complaints', {
    session,
    body: {
      subject,
      category: 'certificate_mismatch',
      description: '收到的手镯和证书上写的颜色、重量都对不上',
      ...extra,
    },
  });
}

async function auditActions(complaintId: string) {
  const rows = await database.db
    .selectFrom('auditEvents')
    .select(['action', 'actorUserId'])
    .where('targetType', '=', 'complaint')
    .where('targetId', '=', complaintId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

const endOfBeijingDay = (instant: Date) => `${beijingDate(instant)}T15:59:59.999Z`;

describe('complaints: buyer → seller → regulator', () => {
  it('files about an order, the shop answers, the buyer escalates, the district regulator accepts', async () => {
    const { orderId, listingId } = await orderOf(buyer);
    const photoId = await uploadBuyerPhoto(app, buyer);
    const filed = await file(buyer, { kind: 'order', id: orderId }, { photoIds: [photoId] });
    expect(filed.status, filed.text).toBe(201);
    const complaint = filed.json;
    expect(complaint).toMatchObject({
      status: 'awaiting_seller',
      category: 'certificate_mismatch',
      subject: { kind: 'order', id: orderId, title: '冰种飘花翡翠手镯' },
      orderId,
      listingId,
      photoIds: [photoId],
      buyer: { id: buyer.userId, name: '张女士' },
      seller: { id: world.seller.orgId, name: '解放碑翠玉轩', district: '渝中区' },
      answer: null,
      escalation: null,
      decision: null,
    });
    // Seven calendar days to answer, to the end of the seventh Beijing day.
    const filedAt = new Date(complaint.filedAt);
    expect(complaint.answerDeadline).toMatchObject({
      dueAt: addCalendarDays(filedAt, 7).toISOString(),
      daysLeft: 7,
      unit: 'calendar_days',
      overdue: false,
    });
    const notices = await call(app, 'GET', '/api/notifications', { session: world.seller.session });
    expect(
      notices.json.notifications.find((row: { subjectId: string }) => row.subjectId === complaint.id),
    ).toMatchObject({
      kind: 'complaint_filed',
      details: { title: '冰种飘花翡翠手镯', category: 'certificate_mismatch' },
    });

    const inbox = await call(app, 'GET', '/api/seller/complaints?status=awaiting_seller', {
      session: world.seller.hostSession,
    });
    expect(inbox.status).toBe(200);
    expect(inbox.json.complaints.map((row: { id: string }) => row.id)).toContain(complaint.id);
    const answered = await call(app, 'POST', `/api/seller/complaints/${complaint.id}/answer`, {
      session: world.seller.session,
      body: { answer: '证书为国检出具，重量差异在允许范围内，可以安排复检。' },
    });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.json).toMatchObject({ status: 'answered', answerDeadline: null });
    expect(answered.json.answer.text).toContain('复检');
    const buyerNotices = await call(app, 'GET', '/api/me/notifications', { session: buyer });
    expect(buyerNotices.status, buyerNotices.text).toBe(200);
    expect(
      buyerNotices.json.notifications.find((row: { subjectId: string }) => row.subjectId === complaint.id),
    ).toMatchObject({
      kind: 'complaint_answered',
      details: { complaintId: complaint.id, shopName: '解放碑翠玉轩' },
    });

    const escalated = await call(app, 'POST', `/api/complaints/${complaint.id}/escalate`, {
      session: buyer,
      body: { note: '商家的答复不能接受' },
    });
    expect(escalated.status, escalated.text).toBe(200);
    const escalatedAt = new Date(escalated.json.escalation.escalatedAt);
    const decideBy = addWorkingDays(escalatedAt, 7);
    expect(escalated.json).toMatchObject({
      status: 'escalated',
      escalation: {
        note: '商家的答复不能接受',
        regulator: { id: regulatorOrgId, name: '渝中区市场监管局', district: '渝中区' },
        decideBy: decideBy.toISOString(),
        decisionDeadline: {
          unit: 'working_days',
          overdue: false,
          daysLeft: workingDaysLeft(escalatedAt, decideBy),
        },
      },
    });
    expect(escalated.json.escalation.decideBy).toBe(endOfBeijingDay(decideBy));
    expect(escalated.json.escalation.decisionDeadline.daysLeft).toBe(7);

    const leads = await call(app, 'GET', '/api/regulator/complaints?status=escalated', {
      session: regulator,
    });
    expect(leads.status).toBe(200);
    expect(leads.json.complaints.map((row: { id: string }) => row.id)).toEqual([complaint.id]);
    const accepted = await call(app, 'POST', `/api/regulator/complaints/${complaint.id}/accept`, {
      session: regulator,
      body: { note: '转入核查' },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json).toMatchObject({
      status: 'accepted',
      decision: { outcome: 'accepted', reason: '转入核查', late: false },
      escalation: { decisionDeadline: null },
    });
    const decidedNotice = (
      await call(app, 'GET', '/api/me/notifications', { session: buyer })
    ).json.notifications.find(
      (row: { kind: string; subjectId: string }) =>
        row.kind === 'complaint_decided' && row.subjectId === complaint.id,
    );
    expect(decidedNotice.details).toMatchObject({ outcome: 'accepted', regulatorName: '渝中区市场监管局' });
    expect(await auditActions(complaint.id)).toEqual([
      'complaint.filed',
      'complaint.answered',
      'complaint.escalated',
      'complaint.accepted',
    ]);
    // The regulator's copy is the same complaint; a second decision is refused.
    const again = await call(app, 'POST', `/api/regulator/complaints/${complaint.id}/reject`, {
      session: regulator,
      body: { reason: '重复投诉不予受理' },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.details).toMatchObject({ reason: 'complaint_status', status: 'accepted' });
  });

  it('about a listing: the buyer accepts the answer and the complaint is settled', async () => {
    const listingId = await publishedListing(app, world);
    const filed = await file(buyer, { kind: 'listing', id: listingId }, { category: 'price_fraud' });
    expect(filed.status, filed.text).toBe(201);
    expect(filed.json.subject).toMatchObject({ kind: 'listing', id: listingId });
    const early = await call(app, 'POST', `/api/complaints/${filed.json.id}/settle`, {
      session: buyer,
      body: {},
    });
    expect(early.status).toBe(409);
    await call(app, 'POST', `/api/seller/complaints/${filed.json.id}/answer`, {
      session: world.seller.session,
      body: { answer: '划线价是近 7 日最低成交价，已在页面注明。' },
    });
    const settled = await call(app, 'POST', `/api/complaints/${filed.json.id}/settle`, {
      session: buyer,
      body: {},
    });
    expect(settled.status, settled.text).toBe(200);
    expect(settled.json.status).toBe('settled');
    expect(settled.json.settledAt).not.toBeNull();
    const escalate = await call(app, 'POST', `/api/complaints/${filed.json.id}/escalate`, {
      session: buyer,
      body: {},
    });
    expect(escalate.status).toBe(409);
    expectErrorShape(escalate.json, 'CONFLICT');
    expect(await auditActions(filed.json.id)).toEqual([
      'complaint.filed',
      'complaint.answered',
      'complaint.settled',
    ]);
    const mine = await call(app, 'GET', '/api/complaints/mine?status=settled', { session: buyer });
    expect(mine.json.complaints.map((row: { id: string }) => row.id)).toEqual([filed.json.id]);
  });

  it('about a live session: escalation waits for the shop’s 7 days, then the regulator rejects with a reason', async () => {
    const filed = await file(
      buyer,
      { kind: 'live_session', id: sessionId },
      { category: 'live_room_violation' },
    );
    expect(filed.status, filed.text).toBe(201);
    const tooEarly = await call(app, 'POST', `/api/complaints/${filed.json.id}/escalate`, {
      session: buyer,
      body: {},
    });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.json.error.details).toMatchObject({
      reason: 'complaint_seller_has_time',
      answerBy: filed.json.answerDeadline.dueAt,
    });
    // The shop let its 7 days pass without a word.
    await database.db
      .updateTable('complaints')
      .set({ answerBy: new Date(Date.now() - 1000) })
      .where('id', '=', filed.json.id)
      .execute();
    const escalated = await call(app, 'POST', `/api/complaints/${filed.json.id}/escalate`, {
      session: buyer,
      body: {},
    });
    expect(escalated.status, escalated.text).toBe(200);
    expect(escalated.json).toMatchObject({ status: 'escalated', answer: null, sessionId });
    const noReason = await call(app, 'POST', `/api/regulator/complaints/${filed.json.id}/reject`, {
      session: regulator,
      body: { reason: '' },
    });
    expect(noReason.status).toBe(400);
    expectErrorShape(noReason.json, 'VALIDATION_FAILED');
    const rejected = await call(app, 'POST', `/api/regulator/complaints/${filed.json.id}/reject`, {
      session: regulator,
      body: { reason: '投诉内容不属于本局管辖事项' },
    });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.json.decision).toMatchObject({
      outcome: 'rejected',
      reason: '投诉内容不属于本局管辖事项',
    });
    expect(await auditActions(filed.json.id)).toEqual([
      'complaint.filed',
      'complaint.escalated',
      'complaint.rejected',
    ]);
  });
});

describe('complaints: scoping', () => {
  it('another buyer, another shop and another district get 404; the wrong kind of account 403', async () => {
    const listingId = await publishedListing(app, world);
    const filed = await file(buyer, { kind: 'listing', id: listingId });
    expect(filed.status).toBe(201);
    const id = filed.json.id;
    expect((await call(app, 'GET', `/api/complaints/mine/${id}`, { session: otherBuyer })).status).toBe(404);
    expect(
      (await call(app, 'POST', `/api/complaints/${id}/settle`, { session: otherBuyer, body: {} })).status,
    ).toBe(404);
    expect((await call(app, 'GET', `/api/seller/complaints/${id}`, { session: otherSeller })).status).toBe(
      404,
    );
    const foreignAnswer = await call(app, 'POST', `/api/seller/complaints/${id}/answer`, {
      session: otherSeller,
      body: { answer: '与本店无关的答复' },
    });
    expect(foreignAnswer.status).toBe(404);
    // A host reads the shop's complaints but does not answer them.
    expect(
      (await call(app, 'GET', `/api/seller/complaints/${id}`, { session: world.seller.hostSession })).status,
    ).toBe(200);
    const hostAnswer = await call(app, 'POST', `/api/seller/complaints/${id}/answer`, {
      session: world.seller.hostSession,
      body: { answer: '主播的答复' },
    });
    expect(hostAnswer.status).toBe(403);
    // Not escalated yet: no regulator sees it, not even the district's.
    expect((await call(app, 'GET', `/api/regulator/complaints/${id}`, { session: regulator })).status).toBe(
      404,
    );
    await call(app, 'POST', `/api/seller/complaints/${id}/answer`, {
      session: world.seller.session,
      body: { answer: '已核实，商品描述无误。' },
    });
    await call(app, 'POST', `/api/complaints/${id}/escalate`, { session: buyer, body: {} });
    expect((await call(app, 'GET', `/api/regulator/complaints/${id}`, { session: regulator })).status).toBe(
      200,
    );
    expect(
      (await call(app, 'GET', `/api/regulator/complaints/${id}`, { session: farRegulator })).status,
    ).toBe(404);
    const farAccept = await call(app, 'POST', `/api/regulator/complaints/${id}/accept`, {
      session: farRegulator,
      body: {},
    });
    expect(farAccept.status).toBe(404);
    const farLeads = await call(app, 'GET', '/api/regulator/complaints', { session: farRegulator });
    expect(farLeads.json.complaints).toEqual([]);
    // The lists hold only the caller's own.
    const otherMine = await call(app, 'GET', '/api/complaints/mine', { session: otherBuyer });
    expect(otherMine.json.complaints).toEqual([]);
    const otherInbox = await call(app, 'GET', '/api/seller/complaints', { session: otherSeller });
    expect(otherInbox.json.complaints).toEqual([]);
    // Members are not buyers; buyers are not shops or regulators.
    const byMember = await file(world.seller.session, { kind: 'listing', id: listingId });
    expect(byMember.status).toBe(403);
    expect((await call(app, 'GET', '/api/seller/complaints', { session: buyer })).status).toBe(403);
    expect((await call(app, 'GET', '/api/regulator/complaints', { session: buyer })).status).toBe(403);
    expect(
      (await call(app, 'GET', '/api/regulator/complaints', { session: world.seller.session })).status,
    ).toBe(403);
  });

  it('the lead functions the cases feature reads are scoped to the regulator', async () => {
    const leads = await listComplaintLeads(database.db, regulatorOrgId, { status: 'escalated', limit: 50 });
    expect(leads.length).toBeGreaterThan(0);
    for (const lead of leads) {
      expect(lead.regulatorOrgId).toBe(regulatorOrgId);
      expect(lead.status).toBe('escalated');
    }
    const first = leads[0];
    if (!first) throw new Error('no lead');
    expect((await findComplaintLead(database.db, regulatorOrgId, first.id))?.id).toBe(first.id);
    expect(await findComplaintLead(database.db, farRegulatorOrgId, first.id)).toBeUndefined();
  });
});

describe('complaints: bad input', () => {
  it('refuses unknown categories, short texts, foreign subjects and photos, and a second open complaint', async () => {
    const { orderId } = await orderOf(otherBuyer);
    const notMine = await file(buyer, { kind: 'order', id: orderId });
    expect(notMine.status).toBe(404);
    const draft = await createListing(app, world.seller.session);
    expect((await file(buyer, { kind: 'listing', id: draft.id })).status).toBe(404);
    const scheduled = await database.db
      .insertInto('liveSessions')
      .values({
        sellerOrgId: world.seller.orgId,
        title: '预告场',
        plannedStartAt: new Date(Date.now() + 86_400_000),
        status: 'scheduled',
        createdBy: world.seller.session.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await file(buyer, { kind: 'live_session', id: scheduled.id })).status).toBe(404);
    const listingId = await publishedListing(app, world);
    const unknownCategory = await file(buyer, { kind: 'listing', id: listingId }, { category: 'rude_host' });
    expect(unknownCategory.status).toBe(400);
    expectErrorShape(unknownCategory.json, 'VALIDATION_FAILED');
    const short = await file(buyer, { kind: 'listing', id: listingId }, { description: '太差' });
    expect(short.status).toBe(400);
    const badKind = await file(buyer, { kind: 'shop', id: listingId });
    expect(badKind.status).toBe(400);
    const badId = await file(buyer, { kind: 'listing', id: 'not-a-uuid' });
    expect(badId.status).toBe(400);
    const extra = await file(buyer, { kind: 'listing', id: listingId }, { severity: 'high' });
    expect(extra.status).toBe(400);
    const othersPhoto = await uploadBuyerPhoto(app, otherBuyer);
    const foreignPhoto = await file(buyer, { kind: 'listing', id: listingId }, { photoIds: [othersPhoto] });
    expect(foreignPhoto.status).toBe(422);
    expect(foreignPhoto.json.error.details).toMatchObject({ reason: 'image_not_found' });
    const first = await file(buyer, { kind: 'listing', id: listingId });
    expect(first.status).toBe(201);
    const second = await file(buyer, { kind: 'listing', id: listingId });
    expect(second.status).toBe(409);
    expect(second.json.error.details).toEqual({ reason: 'complaint_open', complaintId: first.json.id });
    const shortAnswer = await call(app, 'POST', `/api/seller/complaints/${first.json.id}/answer`, {
      session: world.seller.session,
      body: { answer: '好' },
    });
    expect(shortAnswer.status).toBe(400);
    const missing = await call(app, 'GET', '/api/complaints/mine/00000000-0000-4000-8000-000000000000', {
      session: buyer,
    });
    expect(missing.status).toBe(404);
  });
});

describe('complaints: deadlines and routing', () => {
  it('counts the regulator’s 7 working days on the Beijing calendar (国庆 2026 and its 调休 Saturday)', async () => {
    const listingId = await publishedListing(app, world);
    const filed = await file(buyer, { kind: 'listing', id: listingId });
    await call(app, 'POST', `/api/seller/complaints/${filed.json.id}/answer`, {
      session: world.seller.session,
      body: { answer: '请提供更多照片以便核实。' },
    });
    // Received on Monday 28 September 2026: 29, 30 Sep, 8, 9, 10 (a worked Saturday), 12, 13 Oct.
    await escalateComplaint(
      database.db,
      buyer.userId,
      filed.json.id,
      { note: '' },
      new Date('2026-09-28T10:00:00+08:00'),
    );
    const row = await findComplaintLead(database.db, regulatorOrgId, filed.json.id);
    if (!row) throw new Error('no lead');
    expect(row.decideBy?.toISOString()).toBe('2026-10-13T15:59:59.999Z');
    const during = toComplaint(row, new Date('2026-10-04T12:00:00+08:00'));
    expect(during.escalation?.decisionDeadline).toEqual({
      dueAt: '2026-10-13T15:59:59.999Z',
      daysLeft: 5,
      unit: 'working_days',
      overdue: false,
    });
    expect(
      toComplaint(row, new Date('2026-10-13T23:00:00+08:00')).escalation?.decisionDeadline?.daysLeft,
    ).toBe(0);
    expect(
      toComplaint(row, new Date('2026-10-14T09:00:00+08:00')).escalation?.decisionDeadline,
    ).toMatchObject({
      daysLeft: -1,
      overdue: true,
    });
    // Read now (after October 2026) it is overdue, and deciding now is late.
    const lead = await call(app, 'GET', `/api/regulator/complaints/${filed.json.id}`, { session: regulator });
    expect(lead.json.escalation.decisionDeadline.overdue).toBe(true);
    const accepted = await call(app, 'POST', `/api/regulator/complaints/${filed.json.id}/accept`, {
      session: regulator,
      body: {},
    });
    expect(accepted.json.decision).toMatchObject({ outcome: 'accepted', late: true });
  });

  it('goes to a city-wide regulator when the district has none, and is refused with a reason when neither exists', async () => {
    const shop = await createTenant(database.db, 'seller', ['owner'], {
      district: '北碚区',
      name: '北碚玉器行',
    });
    const shopSession = await login(app, shop.members.owner.email, TEST_PASSWORD);
    const session = await database.db
      .insertInto('liveSessions')
      .values({
        sellerOrgId: shop.org.id,
        title: '北碚玉器直播',
        plannedStartAt: new Date(),
        status: 'live',
        createdBy: shop.members.owner.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const filed = await file(buyer, { kind: 'live_session', id: session.id });
    expect(filed.status, filed.text).toBe(201);
    await call(app, 'POST', `/api/seller/complaints/${filed.json.id}/answer`, {
      session: shopSession,
      body: { answer: '直播间没有违规行为。' },
    });
    const nowhere = await call(app, 'POST', `/api/complaints/${filed.json.id}/escalate`, {
      session: buyer,
      body: {},
    });
    expect(nowhere.status).toBe(409);
    expect(nowhere.json.error.details).toEqual({ reason: 'no_regulator', district: '北碚区' });
    expect(
      (await call(app, 'GET', `/api/complaints/mine/${filed.json.id}`, { session: buyer })).json.status,
    ).toBe('answered');
    const city = await createTenant(database.db, 'regulator', ['owner'], { name: '重庆市市场监管局' });
    const cityRegulator = await login(app, city.members.owner.email, TEST_PASSWORD);
    const escalated = await call(app, 'POST', `/api/complaints/${filed.json.id}/escalate`, {
      session: buyer,
      body: {},
    });
    expect(escalated.status, escalated.text).toBe(200);
    expect(escalated.json.escalation.regulator).toEqual({
      id: city.org.id,
      name: '重庆市市场监管局',
      district: null,
    });
    expect(
      (await call(app, 'GET', `/api/regulator/complaints/${filed.json.id}`, { session: cityRegulator }))
        .status,
    ).toBe(200);
    // The district's own regulator still comes first where there is one.
    const listingId = await publishedListing(app, world);
    const nearby = await file(buyer, { kind: 'listing', id: listingId });
    await call(app, 'POST', `/api/seller/complaints/${nearby.json.id}/answer`, {
      session: world.seller.session,
      body: { answer: '商品描述与证书一致。' },
    });
    const toDistrict = await call(app, 'POST', `/api/complaints/${nearby.json.id}/escalate`, {
      session: buyer,
      body: {},
    });
    expect(toDistrict.json.escalation.regulator.id).toBe(regulatorOrgId);
  });

  it('documents every complaint operation under the complaints tag with its access', async () => {
    const doc = (await call(app, 'GET', '/api/openapi.json')).json;
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { tags: string[]; 'x-access': string }>>,
    )
      .filter(([path]) => path.includes('complaints'))
      .flatMap(([, methods]) => Object.values(methods));
    expect(operations.length).toBe(12);
    for (const operation of operations) {
      expect(operation.tags).toEqual(['complaints']);
      expect(operation['x-access']).toBeTruthy();
    }
  });
});
