import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, type Session, type TestApp } from '../support/app';
import { admitSeller, openBase, signedInTenant } from '../support/bases';
import {
  beijingDayFromToday,
  type CaseWorld,
  createCaseWorld,
  fileCase,
  openCaseFromFlag,
  step,
  uploadImage,
} from '../support/cases';
import { createListing } from '../support/catalog-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';

// What a case addresses to a seller: only that seller reads and answers it (another seller 404),
// its hosts read without answering, base operators read along for the sellers of their bases.
// The statutory clocks of a case are counted in Beijing (working) days.

let database: TestDatabase;
let app: TestApp;
let world: CaseWorld;
let operator: Session;
let otherOperator: Session;
let noticeId: string;
let caseId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  world = await createCaseWorld(database.db, app);
  const base = await signedInTenant(app, database.db, 'cluster_operator', ['owner']);
  operator = base.session;
  await admitSeller(app, operator, await openBase(app, operator), {
    org: { id: world.seller.orgId },
    session: world.seller.session,
  });
  otherOperator = (await signedInTenant(app, database.db, 'cluster_operator', ['owner'])).session;
  ({ caseId } = await openCaseFromFlag(app, world));
  await fileCase(app, world, caseId);
  await step(app, world.officerA, caseId, { action: 'investigate', reason: '调查' });
  const issued = await call(app, 'POST', `/api/cases/${caseId}/notices`, {
    session: world.officerA,
    body: {
      facts: '在直播中宣称“国家级的品质”',
      items: ['停止使用绝对化用语'],
      legalBasis: ['《广告法》第九条第三项'],
      dueOn: beijingDayFromToday(7),
      reason: '责令改正',
    },
  });
  expect(issued.status, issued.text).toBe(200);
  noticeId = issued.json.documents[0].id;
});
afterAll(() => database?.drop());

const as = (session: Session, method: string, path: string, body?: object) =>
  call(app, method, path, { session, body });

describe('notices: who reads and answers', () => {
  it('shows a notice to its seller only: another seller gets 404 and an empty list', async () => {
    const list = await as(world.seller.session, 'GET', '/api/notices');
    expect(list.json.documents).toMatchObject([
      { id: noticeId, kind: 'rectification', party: { id: world.seller.orgId }, mayRespond: true },
    ]);
    expect(list.json.documents[0].issuer.name).toBe('重庆市渝中区市场监督管理局');
    const stranger = world.otherSeller.session;
    expect((await as(stranger, 'GET', '/api/notices')).json.documents).toEqual([]);
    for (const [method, path, body] of [
      ['GET', `/api/notices/${noticeId}`],
      ['POST', `/api/notices/${noticeId}/read`],
      ['POST', `/api/notices/${noticeId}/responses`, { statement: '冒名回复' }],
    ] as const) {
      const response = await as(stranger, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
    expect((await as(world.officerA, 'GET', '/api/notices')).status).toBe(403);
  });

  it('lets the seller’s host read (and sign the receipt) but not answer', async () => {
    const read = await as(world.seller.hostSession, 'POST', `/api/notices/${noticeId}/read`);
    expect(read.status, read.text).toBe(200);
    expect(read.json.firstRead.by).toMatch(/^host /);
    const answer = await as(world.seller.hostSession, 'POST', `/api/notices/${noticeId}/responses`, {
      statement: '主播代为回复',
    });
    expect(answer.status).toBe(403);
  });

  it('lets the operator of the seller’s base read along, never answer or sign; another operator sees nothing', async () => {
    const list = await as(operator, 'GET', '/api/notices');
    expect(list.json.documents.map((doc: { id: string }) => doc.id)).toEqual([noticeId]);
    expect(list.json.documents[0].mayRespond).toBe(false);
    expect((await as(operator, 'GET', `/api/notices/${noticeId}`)).status).toBe(200);
    expect((await as(operator, 'POST', `/api/notices/${noticeId}/read`)).status).toBe(403);
    expect(
      (await as(operator, 'POST', `/api/notices/${noticeId}/responses`, { statement: '代答' })).status,
    ).toBe(403);
    expect((await as(otherOperator, 'GET', '/api/notices')).json.documents).toEqual([]);
    expect((await as(otherOperator, 'GET', `/api/notices/${noticeId}`)).status).toBe(404);
  });

  it('refuses answers naming another shop’s listing or photos, a hearing on a notice, or nothing at all', async () => {
    const othersListing = await createListing(app, world.otherSeller.session);
    const othersPhoto = await uploadImage(app, world.otherSeller.session);
    const respond = (body: object) =>
      as(world.seller.session, 'POST', `/api/notices/${noticeId}/responses`, body);
    const listing = await respond({ statement: '已整改', listingId: othersListing.id });
    expect(listing.json.error.details).toEqual({ reason: 'subject_of_other_seller' });
    const photo = await respond({ statement: '已整改', imageIds: [othersPhoto] });
    expect(photo.json.error.details.reason).toBe('image_not_found');
    const hearing = await respond({ statement: '要求听证', hearingRequested: true });
    expect(hearing.json.error.details).toEqual({ reason: 'hearing_not_applicable' });
    expectErrorShape((await respond({ statement: '' })).json, 'VALIDATION_FAILED');
    expectErrorShape((await respond({ statement: '好', extra: 1 })).json, 'VALIDATION_FAILED');
    const rows = await database.db
      .selectFrom('caseDocumentResponses')
      .select('id')
      .where('documentId', '=', noticeId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('takes no answer once the case ended', async () => {
    const ended = await step(app, world.officerA, caseId, {
      action: 'drop',
      reason: '当事人已整改，不予处罚',
    });
    expect(ended.json.closure).toEqual({ kind: 'withdrawn', reason: '当事人已整改，不予处罚' });
    const late = await as(world.seller.session, 'POST', `/api/notices/${noticeId}/responses`, {
      statement: '迟到的回复',
    });
    expect(late.status).toBe(409);
    expect(late.json.error.details).toEqual({ reason: 'response_not_open', status: 'issued' });
  });
});

describe('cases: statutory clocks in Beijing working days', () => {
  it('counts 90 calendar days past 中秋, 7 and 20 working days past 国庆 and its 调休 Saturday', async () => {
    const { caseId: clocked } = await openCaseFromFlag(app, world, '国家级品质，最好的翡翠');
    await database.db
      .updateTable('cases')
      .set({
        step: 'decision',
        filedAt: new Date('2026-06-27T16:00:00+08:00'),
        decidedAt: new Date('2026-09-24T15:00:00+08:00'),
      })
      .where('id', '=', clocked)
      .execute();
    const detail = (await as(world.officerA, 'GET', `/api/cases/${clocked}`)).json;
    expect(
      detail.clocks.map((clock: { kind: string; unit: string; dueOn: string; state: string }) => clock),
    ).toEqual([
      expect.objectContaining({ kind: 'decision', unit: 'calendar_days', dueOn: '2026-09-28', state: 'met' }),
      expect.objectContaining({ kind: 'delivery', unit: 'working_days', dueOn: '2026-10-12' }),
      expect.objectContaining({ kind: 'publication', unit: 'working_days', dueOn: '2026-10-29' }),
    ]);
    const listed = (await as(world.officerA, 'GET', '/api/cases')).json.cases;
    expect(listed.find((row: { id: string }) => row.id === clocked).clocks).toEqual(detail.clocks);
  });
});
