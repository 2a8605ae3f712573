import type { Database } from '@jadelive/server/db/database';
import { expect } from 'vitest';
import { call, login, type Session, type TestApp } from './app';
import { createCatalogWorld, createListing } from './catalog-fixtures';
import { createTenant, TEST_PASSWORD } from './fixtures';

export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/**
 * Casework's cast: the 渝中 regulator with two officers, the 大足 regulator, a 渝中 seller with a
 * listing on air in a live session and a caption token, and another seller.
 */
export async function createCaseWorld(db: Database, app: TestApp) {
  const catalog = await createCatalogWorld(db, app);
  await db
    .updateTable('organizations')
    .set({ district: '渝中区' })
    .where('id', '=', catalog.seller.orgId)
    .execute();
  const yuzhong = await createTenant(db, 'regulator', ['owner', 'staff'], {
    district: '渝中区',
    name: '重庆市渝中区市场监督管理局',
  });
  const dazu = await createTenant(db, 'regulator', ['owner'], {
    district: '大足区',
    name: '大足区市场监督管理局',
  });
  const other = await createTenant(db, 'seller', ['owner'], { district: '渝中区' });
  const listing = await createListing(app, catalog.seller.session, { description: '冰种飘花，圈口 56。' });
  const creator = await db
    .selectFrom('users')
    .select('id')
    .where('organizationId', '=', catalog.seller.orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  const session = await db
    .insertInto('liveSessions')
    .values({
      sellerOrgId: catalog.seller.orgId,
      title: '冰种翡翠专场',
      plannedStartAt: new Date(),
      status: 'live',
      startedAt: new Date(),
      pinnedListingId: listing.id,
      createdBy: creator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('liveSessionLineup')
    .values({ sessionId: session.id, listingId: listing.id, position: 0 })
    .execute();
  const token = await call(app, 'POST', '/api/org/tokens', {
    session: catalog.seller.session,
    body: { name: '语音转写', permissions: ['live:captions'] },
  });
  expect(token.status, token.text).toBe(201);
  return {
    seller: {
      ...catalog.seller,
      listingId: listing.id,
      sessionId: session.id,
      captionToken: token.json.token as string,
    },
    otherSeller: {
      orgId: other.org.id,
      session: await login(app, other.members.owner.email, TEST_PASSWORD),
    },
    officerA: await login(app, yuzhong.members.owner.email, TEST_PASSWORD),
    officerB: await login(app, yuzhong.members.staff.email, TEST_PASSWORD),
    yuzhongId: yuzhong.org.id,
    farOfficer: await login(app, dazu.members.owner.email, TEST_PASSWORD),
    dazuId: dazu.org.id,
  };
}

export type CaseWorld = Awaited<ReturnType<typeof createCaseWorld>>;

/** The host says something the claim rules flag, in the world's live session; the flag's id. */
export async function raiseFlag(app: TestApp, world: CaseWorld, text = '这只手镯是国家级的品质，全网最好') {
  const response = await call(app, 'POST', `/api/compliance/sessions/${world.seller.sessionId}/captions`, {
    bearer: world.seller.captionToken,
    body: { segments: [{ text, speaker: '主播' }] },
  });
  expect(response.status, response.text).toBe(200);
  expect(response.json.results[0].flags.length).toBeGreaterThan(0);
  // The engine's answer carries no stored id: find the flag among the regulator's leads.
  const leads = await call(app, 'GET', '/api/cases/leads?kind=flag', { session: world.officerA });
  const lead = leads.json.leads.find(
    (candidate: { sessionId: string | null; text: string }) =>
      candidate.sessionId === world.seller.sessionId && candidate.text === text,
  );
  expect(lead, JSON.stringify(leads.json)).toBeDefined();
  return lead.id as string;
}

/** Uploads a 1×1 PNG as the session's organisation (a regulator's screenshot, a seller's photo). */
export async function uploadImage(app: TestApp, session: Session) {
  const form = new FormData();
  form.set('file', new File([PNG], 'capture.png', { type: 'image/png' }));
  const response = await app.request('/api/images', {
    method: 'POST',
    body: form,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

export const step = (app: TestApp, session: Session, caseId: string, body: Record<string, unknown>) =>
  call(app, 'POST', `/api/cases/${caseId}/steps`, { session, body });

/** A notice deadline `days` Beijing days from today. */
export function beijingDayFromToday(days: number) {
  const beijing = new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000);
  return beijing.toISOString().slice(0, 10);
}

/** A case opened by officer A from a new flag of the world's live session. */
export async function openCaseFromFlag(app: TestApp, world: CaseWorld, text?: string) {
  const flagId = await raiseFlag(app, world, text);
  const opened = await call(app, 'POST', '/api/cases', {
    session: world.officerA,
    body: { title: '直播中宣称国家级品质', reason: '直播巡查发现绝对化用语', flagIds: [flagId] },
  });
  expect(opened.status, opened.text).toBe(201);
  return { flagId, caseId: opened.json.id as string, opened: opened.json };
}

/** Officer A asks to file the case, officer B approves: the case detail after approval. */
export async function fileCase(app: TestApp, world: CaseWorld, caseId: string) {
  const requested = await step(app, world.officerA, caseId, {
    action: 'request_filing',
    reason: '事实基本清楚',
  });
  expect(requested.status, requested.text).toBe(200);
  const approved = await step(app, world.officerB, caseId, { action: 'approve_filing', reason: '同意立案' });
  expect(approved.status, approved.text).toBe(200);
  return approved.json;
}
