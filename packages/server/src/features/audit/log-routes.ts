import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { CanonicalAuditEntry } from '@jadelive/shared/audit/canonical';
import {
  auditCheckpointSchema,
  auditConsistencyProofSchema,
  auditConsistencyQuerySchema,
  auditEntryProofSchema,
  auditInclusionProofSchema,
  auditInclusionQuerySchema,
  auditSigningKeySchema,
  decimalCount,
} from '@jadelive/shared/audit/checkpoint';
import { Access, MANAGERS, type MemberActor, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse } from '../../http/route';
import { findCanonicalEntry, findCheckpoint, latestCheckpoint, listSigningKeys } from './log-repository';
import { consistencyProof, inclusionProof, inclusionProofForEntry, latestSignedSize } from './proofs';
import { publicKeyPem } from './signing';

const tags = ['audit'];

const PUBLIC_NOTE =
  'Public on purpose: checkpoints and hash proofs reveal only the number of entries and hashes, never an entry, so anyone outside the platform can keep the signed checkpoints and check that the log only grows.';

const decimal = (name: string) => decimalCount().openapi({ param: { name, in: 'path' }, example: '1024' });

/**
 * Who may see an audit entry, and so its proof (which carries the entry): the owners and admins
 * of the organisation the entry belongs to, and those of the platform for every entry.
 */
function mayReadEntry(actor: MemberActor, entry: CanonicalAuditEntry): boolean {
  return actor.organizationKind === 'platform' || entry.organizationId === actor.organizationId;
}

export const auditLogRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/checkpoints/latest',
      tags,
      summary: 'The latest signed checkpoint of the audit log (poll it and keep what you get)',
      description: PUBLIC_NOTE,
      responses: { 200: jsonResponse(auditCheckpointSchema) },
    }),
    async (c) => {
      const checkpoint = await latestCheckpoint(c.var.deps.db);
      if (!checkpoint) throw notFound('a signed checkpoint');
      return c.json(checkpoint, 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/checkpoints/{treeSize}',
      tags,
      summary: 'The signed checkpoint of the tree of this size',
      description: PUBLIC_NOTE,
      request: { params: z.object({ treeSize: decimal('treeSize') }) },
      responses: { 200: jsonResponse(auditCheckpointSchema) },
    }),
    async (c) => {
      const checkpoint = await findCheckpoint(c.var.deps.db, c.req.valid('param').treeSize);
      if (!checkpoint) throw notFound('a checkpoint of that size');
      return c.json(checkpoint, 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/keys',
      tags,
      summary: 'The public keys checkpoints are signed with (Ed25519), by key id',
      description: PUBLIC_NOTE,
      responses: { 200: jsonResponse(z.object({ keys: z.array(auditSigningKeySchema) })) },
    }),
    async (c) => {
      const rows = await listSigningKeys(c.var.deps.db);
      const keys = rows.map((row) => ({
        keyId: row.keyId,
        algorithm: 'Ed25519' as const,
        publicKey: row.publicKey.toString('base64'),
        publicKeyPem: publicKeyPem(row.publicKey),
        firstUsedAt: new Date(row.firstUsedAt).toISOString(),
      }));
      return c.json({ keys }, 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/proofs/inclusion',
      tags,
      summary: 'Inclusion proof of a leaf (by index) in a tree (by size; default the latest checkpoint)',
      description: `${PUBLIC_NOTE} 400 when leafIndex is not below treeSize; 404 when the log is not that long yet.`,
      request: { query: auditInclusionQuerySchema },
      responses: { 200: jsonResponse(auditInclusionProofSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const query = c.req.valid('query');
      const treeSize = query.treeSize ?? (await latestSignedSize(db));
      return c.json(await inclusionProof(db, query.leafIndex, treeSize), 200);
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/proofs/consistency',
      tags,
      summary: 'Consistency proof between two tree sizes (toSize defaults to the latest checkpoint)',
      description: `${PUBLIC_NOTE} 400 when fromSize is 0 or above toSize; 404 when the log is not that long yet.`,
      request: { query: auditConsistencyQuerySchema },
      responses: { 200: jsonResponse(auditConsistencyProofSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const query = c.req.valid('query');
      const toSize = query.toSize ?? (await latestSignedSize(db));
      return c.json(await consistencyProof(db, query.fromSize, toSize), 200);
    },
  )
  .openapi(
    defineRoute(Access.members('any', { roles: MANAGERS }), {
      method: 'get',
      path: '/entries/{entryId}/proof',
      tags,
      summary: 'An audit entry as hashed, with its inclusion proof and the signed checkpoint it leads to',
      description:
        'The proof carries the entry itself, so only those who may read the entry get it: owners and admins of its organisation, and of the platform. Anyone else gets 404. 409 while the entry is not in a signed checkpoint yet (within seconds of its commit).',
      request: { params: z.object({ entryId: decimal('entryId') }) },
      responses: { 200: jsonResponse(auditEntryProofSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const { entryId } = c.req.valid('param');
      const entry = await findCanonicalEntry(db, entryId);
      if (!entry || !mayReadEntry(memberActor(c), entry)) throw notFound('audit entry');
      return c.json(await inclusionProofForEntry(db, entryId), 200);
    },
  );
