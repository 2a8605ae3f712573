import { readFile } from 'node:fs/promises';
import { checkpointFilePath } from '@jadelive/server/features/audit/checkpoint-files';
import { checkEntryProof, inclusionProofForEntry } from '@jadelive/server/features/audit/proofs';
import { recordAudit } from '@jadelive/server/features/audit/repository';
import { verifySignature } from '@jadelive/server/features/audit/signing';
import { type AuditCheckpoint, checkpointBody } from '@jadelive/shared/audit/checkpoint';
import { verifyConsistency, verifyInclusion } from '@jadelive/shared/audit/merkle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectErrorShape, login, type TestApp } from '../support/app';
import {
  newSigningKeyPem,
  startTestAuditLog,
  testAuditLogConfig,
  waitForSignedSize,
  writeAuditEntries,
} from '../support/audit-log';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { createBuyer, createTenant, TEST_PASSWORD } from '../support/fixtures';

let database: TestDatabase;
let app: TestApp;
let auditLog: Awaited<ReturnType<typeof startTestAuditLog>>;
let config: Awaited<ReturnType<typeof testAuditLogConfig>>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
  config = await testAuditLogConfig(newSigningKeyPem());
  auditLog = await startTestAuditLog(database.db, config);
});
afterAll(async () => {
  await auditLog.stop();
  await database.drop();
});

const hexToBytes = (hex: string) => Buffer.from(hex, 'hex');
const get = (path: string, options: Parameters<typeof call>[3] = {}) =>
  call(app, 'GET', `/api/audit-log${path}`, options);

async function publicKeyOf(keyId: string): Promise<Buffer> {
  const { json } = await get('/keys');
  const key = json.keys.find((candidate: { keyId: string }) => candidate.keyId === keyId);
  return Buffer.from(key.publicKey, 'base64');
}

describe('audit log: checkpoints and proofs (happy path)', () => {
  it('numbers entries without gaps and signs a checkpoint the keys endpoint verifies, also written as a file', async () => {
    const ids = await writeAuditEntries(database.db, 13, 'happy');
    const signed = await waitForSignedSize(database.db, 13);
    const leaves = await database.db
      .selectFrom('auditLogLeaves')
      .select(['leafIndex', 'auditEventId'])
      .orderBy('leafIndex')
      .execute();
    expect(leaves.map((leaf) => leaf.leafIndex)).toEqual([...leaves.keys()]);
    expect(leaves.map((leaf) => leaf.auditEventId)).toEqual(expect.arrayContaining(ids));

    const latest = await get('/checkpoints/latest');
    expect(latest.status).toBe(200);
    const checkpoint = latest.json as AuditCheckpoint;
    expect(checkpoint.treeSize).toBeGreaterThanOrEqual(signed.treeSize);
    expect(checkpoint.keyId).toBe(auditLog.signer.keyId);
    const body = checkpointBody(checkpoint);
    expect(
      verifySignature(await publicKeyOf(checkpoint.keyId), body, Buffer.from(checkpoint.signature, 'base64')),
    ).toBe(true);
    expect(
      verifySignature(
        await publicKeyOf(checkpoint.keyId),
        body.replace('size ', 'size 1'),
        Buffer.from(checkpoint.signature, 'base64'),
      ),
    ).toBe(false);

    const bySize = await get(`/checkpoints/${checkpoint.treeSize}`);
    expect(bySize.json).toEqual(checkpoint);
    await waitForSignedSize(database.db, checkpoint.treeSize);
    await auditLog.nextStep();
    const file = JSON.parse(await readFile(checkpointFilePath(config.checkpointDir, checkpoint), 'utf8'));
    expect(file).toEqual(checkpoint);
  });

  it('every leaf has an inclusion proof to the signed root, and later checkpoints are consistent with earlier ones', async () => {
    const first = (await get('/checkpoints/latest')).json as AuditCheckpoint;
    await writeAuditEntries(database.db, 6, 'grow');
    const grown = await waitForSignedSize(database.db, first.treeSize + 6);
    const root = hexToBytes(grown.rootHash);
    for (let leafIndex = 0; leafIndex < grown.treeSize; leafIndex++) {
      const { status, json } = await get(
        `/proofs/inclusion?leafIndex=${leafIndex}&treeSize=${grown.treeSize}`,
      );
      expect(status).toBe(200);
      const auditPath = json.auditPath.map(hexToBytes);
      expect(
        verifyInclusion({
          leafIndex,
          treeSize: grown.treeSize,
          leafHash: hexToBytes(json.leafHash),
          auditPath,
          root,
        }),
      ).toBe(true);
    }
    const defaulted = await get('/proofs/inclusion?leafIndex=0');
    expect(defaulted.json.treeSize).toBeGreaterThanOrEqual(grown.treeSize);

    const consistency = await get(`/proofs/consistency?fromSize=${first.treeSize}&toSize=${grown.treeSize}`);
    expect(consistency.status).toBe(200);
    const proof = consistency.json.proof.map(hexToBytes);
    const good = {
      oldSize: first.treeSize,
      newSize: grown.treeSize,
      oldRoot: hexToBytes(first.rootHash),
      newRoot: root,
      proof,
    };
    expect(verifyConsistency(good)).toBe(true);
    expect(verifyConsistency({ ...good, oldRoot: root, newRoot: hexToBytes(first.rootHash) })).toBe(false);
  });

  it('an entry proof carries the entry as hashed and checks out with the public key alone', async () => {
    const seller = await createTenant(database.db, 'seller', ['owner', 'staff']);
    await database.db.transaction().execute((trx) =>
      recordAudit(trx, {
        action: 'member.role_changed',
        actorUserId: seller.members.owner.id,
        organizationId: seller.org.id,
        targetType: 'user',
        targetId: seller.members.staff.id,
        details: { to: 'admin', 说明: '翡翠' },
      }),
    );
    const { id } = await database.db
      .selectFrom('auditEvents')
      .select('id')
      .where('organizationId', '=', seller.org.id)
      .executeTakeFirstOrThrow();
    const proof = await inclusionProofForEntry(database.db, id, { waitMs: 10_000 });
    expect(proof.entry).toMatchObject({
      id,
      organizationId: seller.org.id,
      details: { to: 'admin', 说明: '翡翠' },
    });
    expect(proof.entry.occurredAt).toMatch(/\.\d{6}Z$/);
    const publicKey = await publicKeyOf(proof.checkpoint.keyId);
    expect(checkEntryProof(proof, publicKey)).toBeNull();
    expect(
      checkEntryProof({ ...proof, entry: { ...proof.entry, targetId: 'someone else' } }, publicKey),
    ).toBe('leaf');
    expect(checkEntryProof({ ...proof, auditPath: [...proof.auditPath].reverse() }, publicKey)).toBe(
      proof.auditPath.length > 1 ? 'path' : null,
    );
    const forged = { ...proof.checkpoint, issuedAt: '2020-01-01T00:00:00.000Z' };
    expect(checkEntryProof({ ...proof, checkpoint: forged }, publicKey)).toBe('signature');

    const owner = await login(app, seller.members.owner.email, TEST_PASSWORD);
    const viaApi = await get(`/entries/${id}/proof`, { session: owner });
    expect(viaApi.status, viaApi.text).toBe(200);
    expect(checkEntryProof(viaApi.json, publicKey)).toBeNull();
  });
});

describe('audit log: refusals', () => {
  it('bad sizes and indexes get 4xx in the shared error shape', async () => {
    const { treeSize } = (await get('/checkpoints/latest')).json as AuditCheckpoint;
    const cases: [string, number, string][] = [
      [`/proofs/inclusion?leafIndex=${treeSize}&treeSize=${treeSize}`, 400, 'BAD_REQUEST'],
      [`/proofs/inclusion?leafIndex=0&treeSize=${treeSize + 1000}`, 404, 'NOT_FOUND'],
      ['/proofs/inclusion?leafIndex=-1', 400, 'VALIDATION_FAILED'],
      ['/proofs/inclusion?leafIndex=1e3', 400, 'VALIDATION_FAILED'],
      ['/proofs/inclusion?leafIndex=', 400, 'VALIDATION_FAILED'],
      ['/proofs/inclusion?leafIndex=99999999999999999', 400, 'VALIDATION_FAILED'],
      ['/proofs/inclusion?treeSize=3', 400, 'VALIDATION_FAILED'],
      ['/proofs/consistency?fromSize=0&toSize=2', 400, 'BAD_REQUEST'],
      [`/proofs/consistency?fromSize=3&toSize=2`, 400, 'BAD_REQUEST'],
      [`/proofs/consistency?fromSize=1&toSize=${treeSize + 1000}`, 404, 'NOT_FOUND'],
      ['/proofs/consistency?fromSize=abc', 400, 'VALIDATION_FAILED'],
      ['/checkpoints/0', 404, 'NOT_FOUND'],
      ['/checkpoints/x', 400, 'VALIDATION_FAILED'],
      ['/entries/abc/proof', 401, 'UNAUTHENTICATED'],
    ];
    for (const [path, status, code] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(status);
      expectErrorShape(response.json, code);
    }
  });

  it('an entry proof is only for those who may read the entry; others get 404, buyers 403', async () => {
    const seller = await createTenant(database.db, 'seller', ['owner']);
    const other = await createTenant(database.db, 'seller', ['owner', 'staff']);
    const platform = await createTenant(database.db, 'platform', ['admin']);
    await database.db.transaction().execute((trx) =>
      recordAudit(trx, {
        action: 'token.revoked',
        actorUserId: null,
        organizationId: seller.org.id,
        targetType: 'token',
        targetId: 't',
      }),
    );
    const { id } = await database.db
      .selectFrom('auditEvents')
      .select('id')
      .where('organizationId', '=', seller.org.id)
      .executeTakeFirstOrThrow();
    await inclusionProofForEntry(database.db, id, { waitMs: 10_000 });
    const as = async (email: string) =>
      get(`/entries/${id}/proof`, { session: await login(app, email, TEST_PASSWORD) });
    expect((await as(platform.members.admin.email)).status).toBe(200);
    const stranger = await as(other.members.owner.email);
    expect(stranger.status).toBe(404);
    expectErrorShape(stranger.json, 'NOT_FOUND');
    expect((await as(other.members.staff.email)).status).toBe(403);
    expect((await as((await createBuyer(database.db)).email)).status).toBe(403);
    const missing = await get('/entries/999999999/proof', {
      session: await login(app, platform.members.admin.email, TEST_PASSWORD),
    });
    expect(missing.status).toBe(404);
  });
});
