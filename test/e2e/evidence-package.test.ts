import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD } from '@jadelive/server/seed/demo-accounts';
import { EVIDENCE_MANIFEST_FILE } from '@jadelive/shared/evidence';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../support/app';
import { newSigningKeyPem, startTestAuditLog, testAuditLogConfig } from '../support/audit-log';
import { demoSellerAndHost, LAPTOP } from '../support/demo-live-session';
import { type LiveBrowserWorld, PAGE_TIMEOUT, startLiveBrowserWorld } from '../support/live-browser';

// An officer extracts an evidence package from a case page in Chromium: the ZIP downloads under
// its own name, and the page lists it with the SHA-256 the download has.

let world: LiveBrowserWorld;
let auditLog: Awaited<ReturnType<typeof startTestAuditLog>>;

beforeAll(async () => {
  world = await startLiveBrowserWorld({ livekit: false });
  // Packages prove their audit entries against a signed checkpoint: the sequencer must run.
  auditLog = await startTestAuditLog(world.database.db, await testAuditLogConfig(newSigningKeyPem()));
});
afterAll(async () => {
  await auditLog?.stop();
  await world?.close();
});

/** A case of the demo regulator from its own observation of the demo jade shop. */
async function openCase() {
  const { app } = world.server;
  const officer = await login(app, 'regulator@jadelive.test', DEMO_PASSWORD);
  const { sellerOrgId } = await demoSellerAndHost(world.database.db);
  const observed = await call(app, 'POST', '/api/cases/observations', {
    session: officer,
    body: { note: '店铺页面宣称“国家级品质”', sellerId: sellerOrgId, url: 'https://example.com/shop' },
  });
  expect(observed.status, observed.text).toBe(201);
  const opened = await call(app, 'POST', '/api/cases', {
    session: officer,
    body: { title: '店铺页面使用绝对化用语', reason: '巡查发现', observationIds: [observed.json.id] },
  });
  expect(opened.status, opened.text).toBe(201);
  return opened.json.id as string;
}

describe('evidence package in the console', () => {
  it('downloads from the case page and is listed with the hash of what was downloaded', async () => {
    const caseId = await openCase();
    const page = await world.signIn('regulator@jadelive.test', LAPTOP);
    await page.goto(`${world.server.baseUrl}/regulator/cases/${caseId}`);
    const section = page.getByTestId('case-evidence');
    await section.waitFor(PAGE_TIMEOUT);
    const [download] = await Promise.all([
      page.waitForEvent('download', PAGE_TIMEOUT),
      section.getByTestId('create-evidence-package').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^证据包-.+\.zip$/);
    const bytes = new Uint8Array(await readFile((await download.path()) as string));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const listed = section.getByTestId('package-sha256');
    await listed.first().waitFor(PAGE_TIMEOUT);
    expect(await listed.first().textContent()).toBe(sha256);
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(bytes)[EVIDENCE_MANIFEST_FILE]));
    expect(manifest.case.id).toBe(caseId);
    expect(manifest.sources).toContainEqual(
      expect.objectContaining({ kind: 'observed_url', url: 'https://example.com/shop' }),
    );
    expect(world.pageErrors).toEqual([]);
  });
});
