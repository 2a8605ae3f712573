import { createHash, createPublicKey, verify } from 'node:crypto';
import { proveEntries } from '@jadelive/server/features/evidence/audit-proofs';
import { ApiError } from '@jadelive/server/http/errors';
import { auditLeafHash, type CanonicalAuditEntry } from '@jadelive/shared/audit/canonical';
import { type AuditCheckpoint, checkpointBody } from '@jadelive/shared/audit/checkpoint';
import { verifyInclusion } from '@jadelive/shared/audit/merkle';
import {
  EVIDENCE_MANIFEST_FILE,
  type EvidenceManifest,
  evidenceManifestSchema,
} from '@jadelive/shared/evidence';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type TestApp } from '../support/app';
import { newSigningKeyPem, startTestAuditLog, testAuditLogConfig } from '../support/audit-log';
import { type CaseWorld, createCaseWorld, PNG, raiseFlag, uploadImage } from '../support/cases';
import { issueCertificate } from '../support/catalog-fixtures';
import { buyerSession, ensureShippingAddress, idempotencyKey } from '../support/commerce-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createTenant, TEST_PASSWORD } from '../support/fixtures';

// An evidence package of a case made through the API: a caption flag (with a neighbouring one), an
// observation with a screenshot, a certified listing edited after the flag, an order of the
// session. The ZIP is opened here and checked as an outside investigator would.

let database: TestDatabase;
let app: TestApp;
let world: CaseWorld;
let auditLog: Awaited<ReturnType<typeof startTestAuditLog>>;
let caseId: string;
let flagId: string;
let secondFlagId: string;
let observationId: string;
let orderId: string;
let buyerId: string;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const officer = () => world.officerA;
const packages = (id: string) => `/api/cases/${id}/evidence-packages`;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  auditLog = await startTestAuditLog(database.db, await testAuditLogConfig(newSigningKeyPem()));
  world = await createCaseWorld(database.db, app);
  const { listingId, sessionId } = world.seller;

  // The listing gets a certificate and goes on sale; a buyer orders it in the live session.
  const lab = await createTenant(database.db, 'lab', ['owner']);
  const labSession = await login(app, lab.members.owner.email, TEST_PASSWORD);
  const certificate = await issueCertificate(app, {
    lab: { orgId: lab.org.id, session: labSession },
    seller: world.seller,
  });
  const seller = world.seller.session;
  const bound = await call(app, 'PATCH', `/api/listings/${listingId}`, {
    session: seller,
    body: { certificateId: certificate.id },
  });
  expect(bound.status, bound.text).toBe(200);
  const published = await call(app, 'POST', `/api/listings/${listingId}/publish`, { session: seller });
  expect(published.status, published.text).toBe(200);
  const buyer = await buyerSession(database.db);
  buyerId = buyer.userId;
  const ordered = await call(app, 'POST', '/api/orders', {
    session: buyer,
    body: { listingId, quantity: 1, idempotencyKey: idempotencyKey(), liveSessionId: sessionId },
  });
  expect(ordered.status, ordered.text).toBe(201);
  orderId = ordered.json.id;
  await ensureShippingAddress(app, buyer, orderId);

  // The host's claim, another one a moment later, and the officer's own capture of the room.
  flagId = await raiseFlag(app, world);
  secondFlagId = await raiseFlag(app, world, '国家级的种水，全网第一');
  const screenshot = await uploadImage(app, officer());
  const observed = await call(app, 'POST', '/api/cases/observations', {
    session: officer(),
    body: { note: '直播间主播宣称国家级品质', imageIds: [screenshot], sessionId },
  });
  expect(observed.status, observed.text).toBe(201);
  observationId = observed.json.id;
  const opened = await call(app, 'POST', '/api/cases', {
    session: officer(),
    body: {
      title: '直播中宣称国家级品质',
      reason: '直播巡查发现绝对化用语',
      flagIds: [flagId],
      observationIds: [observationId],
    },
  });
  expect(opened.status, opened.text).toBe(201);
  caseId = opened.json.id;
  const withOrder = await call(app, 'POST', `/api/cases/${caseId}/subjects`, {
    session: officer(),
    body: { kind: 'order', id: orderId },
  });
  expect(withOrder.status, withOrder.text).toBe(200);
  const reviewed = await call(app, 'POST', `/api/compliance/flags/${flagId}/review`, {
    session: officer(),
    body: { note: '已立案核查' },
  });
  expect(reviewed.status, reviewed.text).toBe(200);
  // The seller lowers the price after the claim: the snapshot must still show the price at the time.
  const edited = await call(app, 'PATCH', `/api/listings/${listingId}`, {
    session: seller,
    body: { priceFen: 99_900 },
  });
  expect(edited.status, edited.text).toBe(200);
}, 60_000);

afterAll(async () => {
  await auditLog?.stop();
  await database?.drop();
});

async function createPackage() {
  const created = await call(app, 'POST', packages(caseId), { session: officer() });
  expect(created.status, created.text).toBe(201);
  return created.json as {
    id: string;
    sha256: string;
    byteSize: number;
    fileCount: number;
    fileName: string;
  };
}

async function download(packageId: string) {
  const response = await app.request(`${packages(caseId)}/${packageId}`, {
    headers: { cookie: officer().cookie },
  });
  expect(response.status).toBe(200);
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('evidence packages: the ZIP', () => {
  let created: Awaited<ReturnType<typeof createPackage>>;
  let files: Record<string, Uint8Array>;
  let manifest: EvidenceManifest;

  beforeAll(async () => {
    created = await createPackage();
    const { response, bytes } = await download(created.id);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    expect(sha256(bytes)).toBe(created.sha256);
    expect(response.headers.get('x-content-sha256')).toBe(created.sha256);
    expect(bytes.byteLength).toBe(created.byteSize);
    files = unzipSync(bytes);
    manifest = evidenceManifestSchema.parse(JSON.parse(text(files[EVIDENCE_MANIFEST_FILE])));
  }, 30_000);

  it('lists every file with its SHA-256 and size, and nothing in the ZIP is unlisted', () => {
    const listed = manifest.files.map((file) => file.path).sort();
    const inZip = Object.keys(files)
      .filter((path) => path !== EVIDENCE_MANIFEST_FILE)
      .sort();
    expect(listed).toEqual(inZip);
    expect(new Set(listed).size).toBe(listed.length);
    expect(Object.keys(files)).toHaveLength(created.fileCount);
    for (const file of manifest.files) {
      const bytes = files[file.path] as Uint8Array;
      expect(sha256(bytes), file.path).toBe(file.sha256);
      expect(bytes.byteLength, file.path).toBe(file.bytes);
    }
  });

  it('names the extraction: time in UTC and Beijing, officer, case, sources, server, no recordings', () => {
    const at = new Date(manifest.extraction.atUtc);
    expect(new Date(manifest.extraction.atBeijing).getTime()).toBe(at.getTime());
    expect(manifest.extraction.atBeijing).toMatch(/\+08:00$/);
    expect(manifest.extraction.officer).toMatchObject({
      id: world.officerA.userId,
      organization: { id: world.yuzhongId },
    });
    expect(manifest.case).toMatchObject({ id: caseId, party: { id: world.seller.orgId } });
    expect(manifest.sources).toContainEqual(
      expect.objectContaining({
        kind: 'live_session',
        id: world.seller.sessionId,
        url: `http://localhost:3000/live/${world.seller.sessionId}`,
      }),
    );
    expect(manifest.sources).toContainEqual(
      expect.objectContaining({ kind: 'listing', id: world.seller.listingId }),
    );
    expect(manifest.server).toMatchObject({
      publicUrl: 'http://localhost:3000',
      software: { version: '0.1.0' },
    });
    expect(manifest.recordings.status).toBe('none_available');
  });

  it('holds the flagged words with the neighbouring caption line, and the listing as it was then', () => {
    const flagFile = manifest.files.find((file) => file.path.includes(flagId));
    const flag = JSON.parse(text(files[flagFile?.path ?? '']));
    expect(flag).toMatchObject({
      id: flagId,
      source: 'caption',
      speaker: { kind: 'caption_feed', name: '主播' },
    });
    expect(flag.context.kind).toBe('captions');
    const lines = flag.context.lines.map((line: { text: string; flagged: boolean }) => [
      line.text,
      line.flagged,
    ]);
    expect(lines).toContainEqual(['这只手镯是国家级的品质，全网最好', true]);
    expect(lines).toContainEqual(['国家级的种水，全网第一', false]);

    const listing = JSON.parse(text(files[`listings/${world.seller.listingId}.json`]));
    expect(listing.atExtraction.priceFen).toBe(99_900);
    const [snapshot] = listing.snapshots;
    expect(snapshot.lead).toEqual({ kind: 'flag', id: flagId });
    expect(snapshot.fields.priceFen).toBe(1_288_00);
    expect(snapshot.sources.priceFen).toBe('flag_facts');
    // The order sold the only piece before the claim; sales are no recorded listing change, so the
    // status then is marked unknown rather than guessed, and stock comes from the flag's facts.
    expect(listing.atExtraction.status).toBe('sold_out');
    expect(snapshot.fields.status).toBeNull();
    expect(snapshot.sources.status).toBe('unknown');
    expect(snapshot.sources.stock).toBe('flag_facts');
    expect(listing.recordedChanges.map((change: { action: string }) => change.action)).toContain(
      'listing.updated',
    );
  });

  it('holds the certificate, the order with its buyer masked, and the screenshot as captured', () => {
    const [certificate] = manifest.files.filter((file) => file.kind === 'certificate');
    const held = JSON.parse(text(files[certificate?.path ?? '']));
    expect(held).toMatchObject({ identification: '翡翠（A货）手镯', status: expect.any(String) });
    expect(held.verifyUrl).toContain(`number=${held.number}`);

    const orders = text(files['orders/orders.json']);
    expect(orders).not.toContain('13812345678');
    expect(orders).not.toContain('王小明');
    const [order] = JSON.parse(orders).orders;
    expect(order).toMatchObject({
      id: orderId,
      why: 'case_subject',
      totalFen: 1_288_00,
      totalYuan: '1288.00',
      buyer: { userId: buyerId, recipient: '王**', mobile: '138****5678' },
    });

    const shots = manifest.files.filter((file) => file.kind === 'screenshot');
    expect(shots.map((file) => file.path)).toEqual([`screenshots/01-${observationId}-01.png`]);
    expect(files[shots[0]?.path ?? '']).toEqual(PNG);
  });

  it('has a printable extraction record naming the case, the officer and every file’s hash', () => {
    const record = text(files['提取笔录.html']);
    expect(record).toContain('电子数据提取笔录');
    expect(record).toContain('直播中宣称国家级品质');
    expect(record).toContain(manifest.extraction.officer.name);
    for (const file of manifest.files.filter((listed) => listed.path !== '提取笔录.html')) {
      expect(record, file.path).toContain(file.sha256);
    }
  });

  it('carries audit proofs that verify with the shared Merkle code against the signed checkpoint', () => {
    const checkpoint = JSON.parse(text(files['audit/checkpoint.json'])) as AuditCheckpoint;
    const key = createPublicKey(text(files['audit/public-key.pem']));
    const signature = Buffer.from(checkpoint.signature, 'base64');
    expect(verify(null, Buffer.from(checkpointBody(checkpoint)), key, signature)).toBe(true);
    expect(manifest.audit.checkpoint).toMatchObject({
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash,
    });

    const proofs = Object.keys(files)
      .filter((path) => path.startsWith('audit/entries/'))
      .map((path) => JSON.parse(text(files[path])));
    expect(proofs).toHaveLength(manifest.audit.entries);
    const verifies = (entry: CanonicalAuditEntry, proof: { leafIndex: number; auditPath: string[] }) =>
      verifyInclusion({
        leafIndex: proof.leafIndex,
        treeSize: checkpoint.treeSize,
        leafHash: auditLeafHash(entry),
        auditPath: proof.auditPath.map((hash) => Buffer.from(hash, 'hex')),
        root: Buffer.from(checkpoint.rootHash, 'hex'),
      });
    for (const proof of proofs) {
      expect(Buffer.from(auditLeafHash(proof.entry)).toString('hex')).toBe(proof.leafHash);
      expect(verifies(proof.entry, proof), `entry ${proof.entry.id}`).toBe(true);
    }
    const actions = proofs.map((proof) => `${proof.entry.action}:${proof.entry.targetId}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        `case.opened:${caseId}`,
        `case.subject_added:${caseId}`,
        `case_observation.recorded:${observationId}`,
        `compliance_flag.reviewed:${flagId}`,
        `listing.updated:${world.seller.listingId}`,
      ]),
    );
    // Entries a buyer wrote carry the buyer's address and are left out.
    expect(proofs.some((proof) => proof.entry.actorUserId === buyerId)).toBe(false);
    // A changed entry no longer verifies.
    const [first] = proofs;
    expect(verifies({ ...first.entry, details: { ...first.entry.details, forged: true } }, first)).toBe(
      false,
    );
  });

  it('is itself in the audit log with its SHA-256, in the case record, and listed with its hash', async () => {
    const entry = await database.db
      .selectFrom('auditEvents')
      .select(['id', 'details', 'actorUserId', 'targetId'])
      .where('action', '=', 'case.evidence_packaged')
      .where('targetId', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ packageId: created.id, sha256: created.sha256 });
    expect(entry.actorUserId).toBe(world.officerA.userId);

    const detail = await call(app, 'GET', `/api/cases/${caseId}`, { session: officer() });
    expect(detail.status, detail.text).toBe(200);
    expect(detail.json.events).toContainEqual(
      expect.objectContaining({
        kind: 'evidence_packaged',
        details: expect.objectContaining({ sha256: created.sha256 }),
      }),
    );
    const list = await call(app, 'GET', packages(caseId), { session: world.officerB });
    expect(list.status, list.text).toBe(200);
    expect(list.json.packages).toContainEqual(
      expect.objectContaining({ id: created.id, sha256: created.sha256 }),
    );
  });

  it('downloads byte for byte as stored, and stored packages cannot be changed', async () => {
    const again = await download(created.id);
    expect(sha256(again.bytes)).toBe(created.sha256);
    await expect(
      database.db
        .updateTable('evidencePackages')
        .set({ sha256: '0'.repeat(64) })
        .where('id', '=', created.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
  });
});

describe('evidence packages: who may', () => {
  /** Create, list and download, for the case's newest package. */
  async function everyRoute() {
    const [{ id }] = (await call(app, 'GET', packages(caseId), { session: officer() })).json.packages;
    return [
      ['POST', packages(caseId)],
      ['GET', packages(caseId)],
      ['GET', `${packages(caseId)}/${id}`],
    ] as const;
  }

  it('another district’s regulator gets 404 for the case’s packages', async () => {
    for (const [method, path] of await everyRoute()) {
      const response = await call(app, method, path, { session: world.farOfficer });
      expect(response.status, `${method} ${path}`).toBe(404);
      expectErrorShape(response.json, 'NOT_FOUND');
    }
  });

  it('a seller (even the party) is refused', async () => {
    for (const [method, path] of await everyRoute()) {
      const response = await call(app, method, path, { session: world.seller.session });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it('bad ids are 4xx: not a uuid 400, no such case or package 404, a package of another case 404', async () => {
    const [{ id }] = (await call(app, 'GET', packages(caseId), { session: officer() })).json.packages;
    expect((await call(app, 'POST', packages('not-a-case'), { session: officer() })).status).toBe(400);
    expect((await call(app, 'GET', `${packages(caseId)}/nope`, { session: officer() })).status).toBe(400);
    const unknown = crypto.randomUUID();
    expect((await call(app, 'POST', packages(unknown), { session: officer() })).status).toBe(404);
    expect((await call(app, 'GET', `${packages(caseId)}/${unknown}`, { session: officer() })).status).toBe(
      404,
    );
    const other = await call(app, 'POST', '/api/cases', {
      session: officer(),
      body: { title: '另一案件', reason: '另案核查', flagIds: [secondFlagId] },
    });
    expect(other.status, other.text).toBe(201);
    const crossed = await call(app, 'GET', `${packages(other.json.id)}/${id}`, { session: officer() });
    expect(crossed.status).toBe(404);
    expectErrorShape(crossed.json, 'NOT_FOUND');
  });
});

describe('evidence packages: an audit log that has not signed yet', () => {
  it('refuses with 409 audit_not_signed_yet once the wait runs out (the package would be unprovable)', async () => {
    await auditLog.stop();
    const noted = await call(app, 'POST', `/api/cases/${caseId}/notes`, {
      session: officer(),
      body: { text: '证据包提取前的备注' },
    });
    expect(noted.status, noted.text).toBe(200);
    const { id } = await database.db
      .selectFrom('auditEvents')
      .select('id')
      .where('action', '=', 'case.note_added')
      .where('targetId', '=', caseId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const refusal = await proveEntries(database.db, [id], 200).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'audit_not_signed_yet', retryAfterSeconds: 1 },
    });
  });
});
