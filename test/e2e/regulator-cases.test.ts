import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { EVIDENCE_MANIFEST_FILE } from '@jadelive/shared/evidence';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/app';
import { newSigningKeyPem, startTestAuditLog, testAuditLogConfig } from '../support/audit-log';
import { demoSellerAndHost, LAPTOP } from '../support/demo-live-session';
import { type LiveBrowserWorld, PAGE_TIMEOUT, startLiveBrowserWorld } from '../support/live-browser';

// The regulator's casework in Chromium on the demo data: a claim flagged in a live session becomes
// a case, a second officer approves filing, a rectification notice goes out, the seller reads and
// answers it, the officer accepts the correction and closes the case, then downloads the case's
// evidence package.

let world: LiveBrowserWorld;
let auditLog: Awaited<ReturnType<typeof startTestAuditLog>>;
const CLAIM = '家人们，这只手镯是国家级的品质，全网最好';

beforeAll(async () => {
  world = await startLiveBrowserWorld({ livekit: false });
  // Evidence packages prove their audit entries against a signed checkpoint: the sequencer must run.
  auditLog = await startTestAuditLog(world.database.db, await testAuditLogConfig(newSigningKeyPem()));
});
afterAll(async () => {
  await auditLog?.stop();
  await world?.close();
});

/** Tonight's demo session of the 解放碑 shop goes on air and its caption feed says `CLAIM`. */
async function flagOnAir() {
  const { db } = world.database;
  const { sellerOrgId } = await demoSellerAndHost(db);
  const session = await db
    .updateTable('liveSessions')
    .set({ status: 'live', startedAt: new Date() })
    .where('sellerOrgId', '=', sellerOrgId)
    .where('status', '=', 'scheduled')
    .returning(['id', 'pinnedListingId'])
    .executeTakeFirstOrThrow();
  const lineup = await db
    .selectFrom('liveSessionLineup')
    .select('listingId')
    .where('sessionId', '=', session.id)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('liveSessions')
    .set({ pinnedListingId: lineup.listingId })
    .where('id', '=', session.id)
    .execute();
  const owner = await login(world.server.app, 'seller@jadelive.test', DEMO_PASSWORD);
  const token = await call(world.server.app, 'POST', '/api/org/tokens', {
    session: owner,
    body: { name: '字幕转写', permissions: ['live:captions'] },
  });
  const captions = await call(world.server.app, 'POST', `/api/compliance/sessions/${session.id}/captions`, {
    bearer: token.json.token,
    body: { segments: [{ text: CLAIM, speaker: '主播小翠' }] },
  });
  expect(captions.json.results[0].flags.length, captions.text).toBeGreaterThan(0);
  return db
    .selectFrom('complianceFlags')
    .select('id')
    .where('sessionId', '=', session.id)
    .where('text', '=', CLAIM)
    .executeTakeFirstOrThrow();
}

/** Opens the step's form on the case page, gives the reason and waits for the case to reach `step`. */
async function takeStep(page: Page, action: string, reason: string, step: string) {
  await page.locator(`[data-testid="case-actions"] [data-action="${action}"]`).click();
  await page
    .locator(`[data-testid="step-form"][data-action="${action}"] [data-testid="step-reason"]`)
    .fill(reason);
  await page
    .locator(`[data-testid="step-form"][data-action="${action}"] [data-testid="step-submit"]`)
    .click();
  await page.locator(`[data-page="case"][data-step="${step}"]`).waitFor(PAGE_TIMEOUT);
}

describe('regulator casework in the console', () => {
  it('turns a live flag into a case, files it with a second officer, closes it once the seller corrected, and downloads its evidence package', async () => {
    const flag = await flagOnAir();

    // The first officer finds the flag among the leads and opens a case from it.
    const officer = await world.signIn('regulator@jadelive.test', LAPTOP);
    await officer.getByTestId('case-deadlines').waitFor(PAGE_TIMEOUT);
    await officer.locator('[data-nav="case-leads"]:visible').first().click();
    const lead = officer.locator(`[data-testid="lead-list"] [data-lead="${flag.id}"]`);
    await lead.waitFor(PAGE_TIMEOUT);
    expect(await lead.textContent()).toContain('解放碑翠玉轩');
    await lead.getByTestId('lead-select').check();
    await officer.getByTestId('open-case-title').fill('直播中宣称国家级品质');
    await officer.getByTestId('open-case-reason').fill('直播巡查发现绝对化用语');
    await officer.getByTestId('open-case-submit').click();
    const checking = officer.locator('[data-page="case"][data-step="checking"]');
    await checking.waitFor(PAGE_TIMEOUT);
    const caseId = (await checking.getAttribute('data-case')) as string;
    expect(
      await officer.locator(`[data-testid="case-subjects"] [data-subject="flag"]`).textContent(),
    ).toContain(CLAIM);
    await takeStep(officer, 'request_filing', '违法事实基本清楚，建议立案', 'filing_pending');
    await officer.getByTestId('filing-request').waitFor(PAGE_TIMEOUT);
    expect(await officer.locator('[data-testid="case-actions"] [data-action="approve_filing"]').count()).toBe(
      0,
    );

    // The second officer of the same office approves filing from the list of cases.
    const second = await world.signIn('regulator2@jadelive.test', LAPTOP);
    await second.locator('[data-nav="cases"]:visible').first().click();
    await second
      .locator(`[data-testid="case-list"] [data-case="${caseId}"] [data-testid="case-link"]`)
      .click();
    await takeStep(second, 'approve_filing', '同意立案', 'filed');
    expect(await second.getByTestId('case-number').textContent()).toMatch(/^渝中市监立〔\d{4}〕\d+号$/);

    // The first officer investigates and issues the rectification notice.
    await officer.reload();
    await takeStep(officer, 'investigate', '调取直播回放与商品页面', 'investigating');
    await officer
      .getByTestId('notice-items-input')
      .fill('停止使用“国家级”“全网最好”等绝对化用语\n更正商品页面描述');
    await officer.getByTestId('notice-reason').fill('责令限期改正');
    await officer.getByTestId('notice-submit').click();
    await officer.locator('[data-page="case"][data-step="rectification"]').waitFor(PAGE_TIMEOUT);
    const document = officer.locator('[data-testid="case-documents"] [data-kind="rectification"]');
    await document.locator('[data-testid="notice-receipt"][data-read="no"]').waitFor(PAGE_TIMEOUT);

    // The seller reads it (the receipt is signed), sees it laid out for print, and answers.
    const seller = await world.signIn('seller@jadelive.test', LAPTOP);
    await seller.locator('[data-nav="notices"]:visible').first().click();
    await seller.locator('[data-testid="notice-list"] [data-testid="notice-link"]').first().click();
    await seller
      .locator('[data-page="notice"] [data-testid="notice-receipt"][data-read="yes"]')
      .waitFor(PAGE_TIMEOUT);
    expect(await seller.getByTestId('notice-receipt').textContent()).toContain('翠玉轩店长');
    const printed = seller.getByTestId('notice-document');
    expect(await printed.getByTestId('notice-number').textContent()).toMatch(/^渝中市监责改〔\d{4}〕\d+号$/);
    expect(await printed.textContent()).toContain('重庆市渝中区人民政府申请行政复议');
    expect(await printed.getByTestId('notice-items').locator('li').count()).toBe(2);
    await seller.emulateMedia({ media: 'print' });
    expect(await seller.evaluate(PRINTS_ONLY_THE_DOCUMENT)).toBe(true);
    await seller.emulateMedia({ media: 'screen' });
    await seller
      .getByTestId('notice-response-statement')
      .fill('已删除直播话术中的绝对化用语，并更正商品页面。');
    await seller.getByTestId('notice-response-listing').selectOption({ index: 1 });
    await seller.getByTestId('notice-response-submit').click();
    await seller.locator('[data-page="notice"][data-status="responded"]').waitFor(PAGE_TIMEOUT);

    // The officer sees the read receipt and the answer, accepts it and closes the case (销案).
    await officer.reload();
    await document.locator('[data-testid="notice-receipt"][data-read="yes"]').waitFor(PAGE_TIMEOUT);
    await document.getByTestId('review-reason').fill('整改到位');
    await document.getByTestId('review-accept').click();
    await officer
      .locator('[data-testid="case-documents"] [data-kind="rectification"][data-status="accepted"]')
      .waitFor(PAGE_TIMEOUT);
    await takeStep(officer, 'drop', '当事人已按期整改，违法行为轻微，依法不予行政处罚', 'dropped');
    expect(await officer.getByTestId('case-closure').getAttribute('data-closure')).toBe('withdrawn');

    const events = await world.database.db
      .selectFrom('caseEvents')
      .select(['kind', 'actorUserId'])
      .where('caseId', '=', caseId)
      .orderBy('id')
      .execute();
    expect(events.map((event) => event.kind)).toEqual([
      'opened',
      'request_filing',
      'approve_filing',
      'investigate',
      'issue_notice',
      'document_read',
      'response_submitted',
      'response_accepted',
      'drop',
    ]);
    expect(new Set(events.slice(1, 3).map((event) => event.actorUserId)).size).toBe(2);

    // The evidence package downloads from the case page and is listed with the downloaded file's hash.
    const evidence = officer.getByTestId('case-evidence');
    const [download] = await Promise.all([
      officer.waitForEvent('download', PAGE_TIMEOUT),
      evidence.getByTestId('create-evidence-package').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^证据包-.+\.zip$/);
    const bytes = new Uint8Array(await readFile((await download.path()) as string));
    const listed = evidence.getByTestId('package-sha256');
    await listed.first().waitFor(PAGE_TIMEOUT);
    expect(await listed.first().textContent()).toBe(createHash('sha256').update(bytes).digest('hex'));
    const files = unzipSync(bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files[EVIDENCE_MANIFEST_FILE]));
    expect(manifest.case.id).toBe(caseId);
    for (const file of manifest.files as { path: string; sha256: string }[]) {
      const content = files[file.path];
      expect(content, file.path).toBeDefined();
      expect(
        createHash('sha256')
          .update(content as Uint8Array)
          .digest('hex'),
      ).toBe(file.sha256);
    }
    expect(world.pageErrors).toEqual([]);
  });
});

/** In print, only the document shows: the console's header and navigation are hidden. */
const PRINTS_ONLY_THE_DOCUMENT = `(() => {
  const shown = (el) => el && getComputedStyle(el).visibility === 'visible';
  const nav = document.querySelector('nav');
  return shown(document.querySelector('[data-testid="notice-document"] p')) && !shown(nav);
})()`;
