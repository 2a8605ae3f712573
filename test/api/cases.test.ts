import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type TestApp } from '../support/app';
import {
  beijingDayFromToday,
  type CaseWorld,
  createCaseWorld,
  fileCase,
  openCaseFromFlag,
  step,
  uploadImage,
} from '../support/cases';
import { createTestDatabase, type TestDatabase } from '../support/database';

// A regulator's case from a live flag to 结案: steps, the second-officer rule, the documents the
// seller answers, district scoping and transfer, every step in the case record and the audit log.

let database: TestDatabase;
let app: TestApp;
let world: CaseWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCaseWorld(database.db, app);
});
afterAll(() => database?.drop());

const sellerCall = (method: string, path: string, body?: object) =>
  call(app, method, path, { session: world.seller.session, body });

describe('cases: the whole road', () => {
  it('flag → 核查 → 立案 (second officer) → 调查 → 责令改正 → 告知 → 决定 → 送达 → 公示 → 结案', async () => {
    const { flagId, caseId, opened } = await openCaseFromFlag(app, world);
    expect(opened).toMatchObject({ step: 'checking', number: null, seller: { id: world.seller.orgId } });
    expect(opened.subjects.flags.map((flag: { id: string }) => flag.id)).toEqual([flagId]);
    expect(opened.subjects.listings.map((listing: { id: string }) => listing.id)).toEqual([
      world.seller.listingId,
    ]);
    expect(opened.subjects.sessions.map((session: { id: string }) => session.id)).toEqual([
      world.seller.sessionId,
    ]);
    expect(opened.actions).toEqual(['request_filing', 'drop', 'transfer']);

    const filed = await fileCase(app, world, caseId);
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect(filed.step).toBe('filed');
    expect(filed.number).toMatch(new RegExp(`^渝中市监立〔${year}〕\\d+号$`));
    expect(filed.clocks).toMatchObject([{ kind: 'decision', unit: 'calendar_days', state: 'running' }]);
    expect(filed.clocks[0].daysLeft).toBeGreaterThanOrEqual(89);

    expect(
      (await step(app, world.officerA, caseId, { action: 'investigate', reason: '调取直播回放' })).status,
    ).toBe(200);
    const noticed = await call(app, 'POST', `/api/cases/${caseId}/notices`, {
      session: world.officerA,
      body: {
        facts: '当事人在直播中宣称商品为“国家级的品质”',
        items: ['停止使用绝对化用语', '更正商品页面描述'],
        legalBasis: ['《广告法》第九条第三项', '《行政处罚法》第二十八条'],
        dueOn: beijingDayFromToday(10),
        reason: '责令限期改正',
      },
    });
    expect(noticed.status, noticed.text).toBe(200);
    expect(noticed.json.step).toBe('rectification');
    const [notice] = noticed.json.documents;
    expect(notice).toMatchObject({
      kind: 'rectification',
      status: 'issued',
      firstRead: null,
      mayRespond: false,
    });
    expect(notice.number).toMatch(new RegExp(`^渝中市监责改〔${year}〕\\d+号$`));

    // The seller reads it (receipt once) and answers; the officer rejects, the seller answers again, accepted.
    const notifications = await sellerCall('GET', '/api/notifications');
    expect(notifications.json.notifications).toContainEqual(
      expect.objectContaining({ kind: 'case_document', subjectId: notice.id }),
    );
    const read = await sellerCall('POST', `/api/notices/${notice.id}/read`);
    expect(read.status, read.text).toBe(200);
    expect(read.json.firstRead.by).toMatch(/^owner /);
    const reread = await call(app, 'POST', `/api/notices/${notice.id}/read`, {
      session: world.seller.hostSession,
    });
    expect(reread.status, reread.text).toBe(200);
    expect(reread.json.firstRead).toEqual(read.json.firstRead);
    const photo = await uploadImage(app, world.seller.session);
    const answer = await sellerCall('POST', `/api/notices/${notice.id}/responses`, {
      statement: '已删除相关表述',
      listingId: world.seller.listingId,
      imageIds: [photo],
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json).toMatchObject({ status: 'responded', mayRespond: false });
    expectErrorShape(
      (await sellerCall('POST', `/api/notices/${notice.id}/responses`, { statement: '再说一遍' })).json,
      'CONFLICT',
    );
    const responseId = answer.json.responses[0].id;
    const review = (id: string, accept: boolean, reason: string) =>
      call(app, 'POST', `/api/cases/${caseId}/documents/${notice.id}/responses/${id}/review`, {
        session: world.officerA,
        body: { accept, reason },
      });
    const rejected = await review(responseId, false, '商品页面仍有“国家级”字样');
    expect(rejected.json.documents[0].status).toBe('rejected');
    expect((await review(responseId, true, '重复')).status).toBe(409);
    const again = await sellerCall('POST', `/api/notices/${notice.id}/responses`, {
      statement: '商品页面也已更正',
    });
    expect(again.status, again.text).toBe(201);
    const accepted = await review(again.json.responses[1].id, true, '整改到位');
    expect(accepted.json.documents[0]).toMatchObject({ status: 'accepted' });

    const notified = await step(app, world.officerA, caseId, {
      action: 'notify',
      reason: '拟作出处罚',
      facts: '当事人发布虚假广告',
      legalBasis: ['《广告法》第五十七条'],
      penalty: '拟罚款人民币一万元',
    });
    expect(notified.json.step).toBe('notification');
    const penaltyNotice = notified.json.documents.find(
      (doc: { kind: string }) => doc.kind === 'penalty_notice',
    );
    const statement = await sellerCall('POST', `/api/notices/${penaltyNotice.id}/responses`, {
      statement: '初次违法且已改正，请求从轻',
      hearingRequested: true,
    });
    expect(statement.status, statement.text).toBe(201);
    expect(statement.json.responses[0].hearingRequested).toBe(true);

    const decided = await step(app, world.officerA, caseId, {
      action: 'decide',
      reason: '经集体讨论',
      facts: '当事人发布虚假广告',
      legalBasis: ['《广告法》第五十七条'],
      penalty: '罚款人民币五千元',
      fineFen: 500_000,
    });
    expect(decided.json.step).toBe('decision');
    expect(
      decided.json.clocks.map((clock: { kind: string; state: string }) => [clock.kind, clock.state]),
    ).toEqual([
      ['decision', 'met'],
      ['delivery', 'running'],
      ['publication', 'running'],
    ]);
    for (const [action, to] of [
      ['deliver', 'delivery'],
      ['publish', 'publication'],
      ['close', 'closed'],
    ] as const) {
      const moved = await step(app, world.officerA, caseId, { action, reason: `${action} 完成` });
      expect(moved.status, moved.text).toBe(200);
      expect(moved.json.step).toBe(to);
    }
    const closed = (await call(app, 'GET', `/api/cases/${caseId}`, { session: world.officerB })).json;
    expect(closed).toMatchObject({ closure: { kind: 'closed', reason: 'close 完成' }, actions: [] });
    expect(closed.clocks.every((clock: { state: string }) => clock.state === 'met')).toBe(true);
    expect(closed.events.map((event: { kind: string }) => event.kind)).toEqual([
      'opened',
      'request_filing',
      'approve_filing',
      'investigate',
      'issue_notice',
      'document_read',
      'response_submitted',
      'response_rejected',
      'response_submitted',
      'response_accepted',
      'notify',
      'response_submitted',
      'decide',
      'deliver',
      'publish',
      'close',
    ]);
    expect(closed.events[2]).toMatchObject({
      actor: { name: expect.stringMatching(/^staff /) },
      reason: '同意立案',
    });

    const audit = await database.db
      .selectFrom('auditEvents')
      .select('action')
      .where('targetId', 'in', [caseId, notice.id, penaltyNotice.id])
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'case.opened',
      'case.request_filing',
      'case.approve_filing',
      'case.investigate',
      'case.issue_notice',
      'case_document.read',
      'case_document.responded',
      'case.response_rejected',
      'case_document.responded',
      'case.response_accepted',
      'case.notify',
      'case_document.responded',
      'case.decide',
      'case.deliver',
      'case.publish',
      'case.close',
    ]);
  });
});

describe('cases: second officer, steps and bad input', () => {
  it('refuses the filing requester deciding their own request, with the reason; a second officer decides', async () => {
    const { caseId } = await openCaseFromFlag(app, world, '全网最好的翡翠就在这里');
    await step(app, world.officerA, caseId, { action: 'request_filing', reason: '需要立案' });
    for (const action of ['approve_filing', 'refuse_filing']) {
      const own = await step(app, world.officerA, caseId, { action, reason: '自己审批' });
      expect(own.status).toBe(403);
      expectErrorShape(own.json, 'FORBIDDEN');
      expect(own.json.error.details).toEqual({ reason: 'second_officer_required' });
    }
    const pending = (await call(app, 'GET', `/api/cases/${caseId}`, { session: world.officerA })).json;
    expect(pending.actions).toEqual(['drop']);
    expect(pending.filingRequest.by.name).toMatch(/^owner /);
    const refused = await step(app, world.officerB, caseId, { action: 'refuse_filing', reason: '证据不足' });
    expect(refused.json).toMatchObject({ step: 'checking', filingRequest: null });
    const dropped = await step(app, world.officerB, caseId, { action: 'drop', reason: '不构成违法' });
    expect(dropped.json).toMatchObject({
      step: 'dropped',
      closure: { kind: 'not_filed', reason: '不构成违法' },
    });
  });

  it('answers a step the case is not at with 409 case_step, and bad bodies with 400', async () => {
    const { caseId } = await openCaseFromFlag(app, world, '国家级大师亲手雕刻');
    const early = await step(app, world.officerA, caseId, {
      action: 'decide',
      reason: '跳步',
      facts: '事实',
      legalBasis: ['x条'],
      penalty: '罚款',
    });
    expect(early.status).toBe(409);
    expect(early.json.error.details).toEqual({ reason: 'case_step', step: 'checking', action: 'decide' });
    for (const body of [
      { action: 'teleport', reason: '理由' },
      { action: 'drop' },
      { action: 'drop', reason: ' ' },
    ]) {
      expectErrorShape((await step(app, world.officerA, caseId, body)).json, 'VALIDATION_FAILED');
    }
    await fileCase(app, world, caseId);
    await step(app, world.officerA, caseId, { action: 'investigate', reason: '调查' });
    const notice = (dueOn: string) =>
      call(app, 'POST', `/api/cases/${caseId}/notices`, {
        session: world.officerA,
        body: { facts: '事实', items: ['改正'], legalBasis: ['《广告法》第九条'], dueOn, reason: '责改' },
      });
    const today = await notice(beijingDayFromToday(0));
    expect(today.status).toBe(422);
    expect(today.json.error.details).toEqual({
      reason: 'due_date_not_future',
      today: beijingDayFromToday(0),
    });
    expectErrorShape((await notice('2026-02-30')).json, 'VALIDATION_FAILED');
    const withdrawn = await step(app, world.officerA, caseId, { action: 'drop', reason: '当事人已注销' });
    expect(withdrawn.json.closure.kind).toBe('withdrawn');
  });
});
