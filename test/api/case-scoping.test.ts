import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type TestApp } from '../support/app';
import {
  type CaseWorld,
  createCaseWorld,
  openCaseFromFlag,
  raiseFlag,
  step,
  uploadImage,
} from '../support/cases';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, TEST_PASSWORD } from '../support/fixtures';

// Who sees a case: its regulator's officers only (another district 404, also after a transfer
// away); leads are the district's flags and the regulator's own observations.

let database: TestDatabase;
let app: TestApp;
let world: CaseWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCaseWorld(database.db, app);
});
afterAll(() => database?.drop());

const get = (session: CaseWorld['officerA'], path: string) => call(app, 'GET', path, { session });

describe('cases: district scoping and transfer', () => {
  it('hides a case and its leads from another district (404), and from sellers (403)', async () => {
    const { caseId, flagId } = await openCaseFromFlag(app, world);
    for (const response of [
      await get(world.farOfficer, `/api/cases/${caseId}`),
      await step(app, world.farOfficer, caseId, { action: 'request_filing', reason: '越权' }),
      await call(app, 'POST', `/api/cases/${caseId}/notes`, {
        session: world.farOfficer,
        body: { text: '越权' },
      }),
    ]) {
      expect(response.status).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
    expect((await get(world.farOfficer, '/api/cases?state=all')).json.cases).toEqual([]);
    const farLeads = await get(world.farOfficer, '/api/cases/leads?includeLinked=true');
    expect(farLeads.json.leads.map((lead: { id: string }) => lead.id)).not.toContain(flagId);
    const ownLeads = await get(world.officerB, '/api/cases/leads?kind=flag&includeLinked=true');
    expect(ownLeads.json.leads).toContainEqual(expect.objectContaining({ id: flagId, caseId }));
    expect((await get(world.officerB, '/api/cases/leads?kind=flag')).json.leads).not.toContainEqual(
      expect.objectContaining({ id: flagId }),
    );
    const seller = await call(app, 'GET', `/api/cases/${caseId}`, { session: world.seller.session });
    expect(seller.status).toBe(403);
  });

  it('transfers (移送) a case to another district: the old regulator loses it, the new one continues', async () => {
    const { caseId } = await openCaseFromFlag(app, world, '全网最低价的国家级翡翠');
    await call(app, 'POST', `/api/cases/${caseId}/notes`, {
      session: world.officerA,
      body: { text: '当事人在大足经营' },
    });
    const regulators = (await get(world.officerA, '/api/cases/regulators')).json.regulators;
    expect(regulators.map((regulator: { id: string }) => regulator.id)).toContain(world.dazuId);
    expect(regulators.map((regulator: { id: string }) => regulator.id)).not.toContain(world.yuzhongId);
    const transfer = (toRegulatorId: string) =>
      call(app, 'POST', `/api/cases/${caseId}/transfer`, {
        session: world.officerA,
        body: { toRegulatorId, reason: '当事人实际经营地在大足区' },
      });
    for (const target of [world.yuzhongId, world.seller.orgId]) {
      const refused = await transfer(target);
      expect(refused.status).toBe(422);
      expect(refused.json.error.details).toEqual({ reason: 'transfer_target' });
    }
    expect((await transfer(world.dazuId)).json).toEqual({ id: caseId, regulatorId: world.dazuId });
    expect((await get(world.officerA, `/api/cases/${caseId}`)).status).toBe(404);
    expect((await transfer(world.dazuId)).status).toBe(404);
    const received = await get(world.farOfficer, `/api/cases/${caseId}`);
    expect(received.status).toBe(200);
    expect(received.json.regulator).toEqual({ id: world.dazuId, name: '大足区市场监督管理局' });
    const moved = received.json.events.at(-1);
    expect(moved).toMatchObject({ kind: 'transfer', reason: '当事人实际经营地在大足区' });
    expect(moved.details.to).toEqual({ id: world.dazuId, name: '大足区市场监督管理局' });
    const requested = await step(app, world.farOfficer, caseId, {
      action: 'request_filing',
      reason: '接收移送',
    });
    expect(requested.json.step).toBe('filing_pending');
    const audit = await database.db
      .selectFrom('auditEvents')
      .select(['action', 'organizationId'])
      .where('targetId', '=', caseId)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => [entry.action, entry.organizationId])).toEqual([
      ['case.opened', world.yuzhongId],
      ['case.note_added', world.yuzhongId],
      ['case.transfer', world.yuzhongId],
      ['case.request_filing', world.dazuId],
    ]);
  });
});

describe('cases: observations and subjects', () => {
  it('records an observation with a screenshot and its live session, and opens a case from it', async () => {
    const screenshot = await uploadImage(app, world.officerA);
    const recorded = await call(app, 'POST', '/api/cases/observations', {
      session: world.officerA,
      body: {
        note: '主播口播“假一赔十，国家级认证”',
        imageIds: [screenshot],
        sessionId: world.seller.sessionId,
        url: `https://jadelive.example/live/${world.seller.sessionId}`,
      },
    });
    expect(recorded.status, recorded.text).toBe(201);
    const leads = (await get(world.officerB, '/api/cases/leads?kind=observation')).json.leads;
    expect(leads[0]).toMatchObject({
      id: recorded.json.id,
      seller: { id: world.seller.orgId },
      sessionId: world.seller.sessionId,
      observation: { imageIds: [screenshot], url: `https://jadelive.example/live/${world.seller.sessionId}` },
    });
    const opened = await call(app, 'POST', '/api/cases', {
      session: world.officerB,
      body: { title: '直播虚假宣传', reason: '巡查发现', observationIds: [recorded.json.id] },
    });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.json.subjects.observations[0]).toMatchObject({ imageIds: [screenshot] });
    expect(opened.json.subjects.sessions.map((session: { id: string }) => session.id)).toEqual([
      world.seller.sessionId,
    ]);
    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('targetId', '=', recorded.json.id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['case_observation.recorded']);
  });

  it('takes a complaint escalated to the district as a lead, and points the case at its live session', async () => {
    const buyer = await createBuyer(database.db);
    const buyerSession = await login(app, buyer.email, TEST_PASSWORD);
    const filed = await call(app, 'POST', '/api/complaints', {
      session: buyerSession,
      body: {
        subject: { kind: 'live_session', id: world.seller.sessionId },
        category: 'false_advertising',
        description: '主播说手镯是国家级品质，收到的只是普通货',
      },
    });
    expect(filed.status, filed.text).toBe(201);
    const complaintId = filed.json.id as string;
    await call(app, 'POST', `/api/seller/complaints/${complaintId}/answer`, {
      session: world.seller.session,
      body: { answer: '直播话术是主播口误，可以退货。' },
    });
    const escalated = await call(app, 'POST', `/api/complaints/${complaintId}/escalate`, {
      session: buyerSession,
      body: { note: '商家答复不能接受' },
    });
    expect(escalated.status, escalated.text).toBe(200);
    const leads = (await get(world.officerA, '/api/cases/leads?kind=complaint')).json.leads;
    expect(leads).toContainEqual(
      expect.objectContaining({
        id: complaintId,
        kind: 'complaint',
        seller: { id: world.seller.orgId, name: expect.any(String) },
        complaint: { category: 'false_advertising', status: 'escalated' },
        sessionId: world.seller.sessionId,
      }),
    );
    expect((await get(world.farOfficer, '/api/cases/leads?kind=complaint')).json.leads).toEqual([]);
    const opened = await call(app, 'POST', '/api/cases', {
      session: world.officerA,
      body: { title: '直播虚假宣传投诉', reason: '投诉转来', complaintIds: [complaintId] },
    });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.json.subjects.complaints).toEqual([
      expect.objectContaining({ id: complaintId, category: 'false_advertising' }),
    ]);
    expect(opened.json.subjects.sessions.map((session: { id: string }) => session.id)).toEqual([
      world.seller.sessionId,
    ]);
    const linked = (await get(world.officerA, '/api/cases/leads?kind=complaint&includeLinked=true')).json
      .leads;
    expect(linked.find((lead: { id: string }) => lead.id === complaintId).caseId).toBe(opened.json.id);
  });

  it('refuses observations with another tenant’s image, an unknown session, disagreeing references or a script URL', async () => {
    const sellersPhoto = await uploadImage(app, world.seller.session);
    const observe = (body: object) =>
      call(app, 'POST', '/api/cases/observations', {
        session: world.officerA,
        body: { note: '巡查记录', ...body },
      });
    const foreignImage = await observe({ imageIds: [sellersPhoto] });
    expect(foreignImage.status).toBe(422);
    expect(foreignImage.json.error.details.reason).toBe('image_not_found');
    const unknown = await observe({ sessionId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.json.error.details).toMatchObject({ reason: 'lead_not_found', kind: 'session' });
    const disagree = await observe({ sessionId: world.seller.sessionId, sellerId: world.otherSeller.orgId });
    expect(disagree.json.error.details).toEqual({ reason: 'leads_of_several_sellers' });
    expectErrorShape((await observe({ url: 'javascript:alert(1)' })).json, 'VALIDATION_FAILED');
    const orphan = await observe({ url: 'https://example.com/shop' });
    expect(orphan.status).toBe(201);
    const opened = await call(app, 'POST', '/api/cases', {
      session: world.officerA,
      body: { title: '无当事人', reason: '巡查', observationIds: [orphan.json.id] },
    });
    expect(opened.json.error.details).toEqual({ reason: 'lead_without_seller' });
  });

  it('points a case at its seller’s things only, and keeps notes from the seller', async () => {
    const { caseId } = await openCaseFromFlag(app, world, '国家级工艺，全网最好');
    const add = (kind: string, id: string) =>
      call(app, 'POST', `/api/cases/${caseId}/subjects`, { session: world.officerA, body: { kind, id } });
    const foreign = await add('session', '00000000-0000-4000-8000-000000000001');
    expect(foreign.json.error.details).toMatchObject({ reason: 'lead_not_found', kind: 'session' });
    const otherFlag = await raiseFlag(app, world, '最好的和田玉，国家级');
    const linked = await add('flag', otherFlag);
    expect(linked.status, linked.text).toBe(200);
    expect(linked.json.subjects.flags).toHaveLength(2);
    // A lead this case points at already is no conflict: the case stays as it was.
    const again = await add('flag', otherFlag);
    expect(again.status, again.text).toBe(200);
    expect(again.json.subjects.flags).toHaveLength(2);
    expect(again.json.events).toEqual(linked.json.events);
    expect((await add('listing', world.seller.listingId)).status).toBe(200);
    const note = await call(app, 'POST', `/api/cases/${caseId}/notes`, {
      session: world.officerA,
      body: { text: '内部：当事人疑似有前科' },
    });
    expect(note.json.events.at(-1)).toMatchObject({ kind: 'note', reason: '内部：当事人疑似有前科' });
    const sellerView = await call(app, 'GET', '/api/notices', { session: world.seller.session });
    expect(sellerView.text).not.toContain('前科');
  });

  it("offers no viewer's refused chat line as a lead against the seller", async () => {
    const viewer = await createBuyer(database.db);
    const refused = await call(app, 'POST', `/api/live/sessions/${world.seller.sessionId}/chat`, {
      session: await login(app, viewer.email, TEST_PASSWORD),
      body: { text: '加微信私下交易更便宜' },
    });
    expect(refused.status, refused.text).toBe(422);
    const viewerFlags = await database.db
      .selectFrom('complianceFlags')
      .select('id')
      .where('speakerUserId', '=', viewer.id)
      .execute();
    expect(viewerFlags.length).toBeGreaterThan(0);
    const hostFlagId = await raiseFlag(app, world, '这是全网最低价的极品帝王绿');

    const leads = await get(world.officerA, '/api/cases/leads?kind=flag');
    const leadIds = leads.json.leads.map((lead: { id: string }) => lead.id);
    expect(leadIds).toContain(hostFlagId);
    for (const flag of viewerFlags) expect(leadIds).not.toContain(flag.id);
  });

  it('refuses leads it may not use, leads of a case already, and an empty case', async () => {
    const empty = await call(app, 'POST', '/api/cases', {
      session: world.officerA,
      body: { title: '空', reason: '没有线索' },
    });
    expectErrorShape(empty.json, 'VALIDATION_FAILED');
    const { flagId } = await openCaseFromFlag(app, world, '最佳品质的和田玉');
    const again = await call(app, 'POST', '/api/cases', {
      session: world.officerB,
      body: { title: '重复', reason: '同一线索', flagIds: [flagId] },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.details.reason).toBe('lead_in_case');
    const foreign = await call(app, 'POST', '/api/cases', {
      session: world.farOfficer,
      body: { title: '跨区', reason: '越权', flagIds: [flagId] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.json.error.details).toEqual({ reason: 'lead_not_found', kind: 'flag', id: flagId });
  });
});
