import { OpenAPIHono, z } from '@hono/zod-openapi';
import { evidencePackageSchema, evidencePackagesSchema } from '@jadelive/shared/evidence';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonResponse, uuidParam } from '../../http/route';
import { actingMember, officers } from '../cases/officer';
import { findCaseForRegulator } from '../cases/repository';
import { evidencePackageContent, listEvidencePackages } from './repository';
import { createEvidencePackage } from './service';

const tags = ['evidence'];
const caseParams = uuidParam('caseId');
const OTHERS_404 =
  'Officers of the regulator holding the case only; a case of another regulator (another district, or one transferred away) is 404.';

/** The case id, once it is known to be the caller's regulator's (404 otherwise). */
async function ownCase(c: Context<AppEnv>, caseId: string) {
  const row = await findCaseForRegulator(c.var.deps.db, actingMember(c).orgId, caseId);
  if (!row) throw notFound('case');
  return row.id;
}

/** A file name as Content-Disposition carries it: an ASCII fallback and the UTF-8 name (RFC 6266). */
const attachment = (fileName: string) =>
  `attachment; filename="evidence-package.zip"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Evidence packages (电子数据取证) of a case, mounted at /api/cases. */
export const evidenceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(officers, {
      method: 'post',
      path: '/{caseId}/evidence-packages',
      tags,
      summary:
        'Extract an evidence package (one ZIP): flagged words with their context, listing snapshots, certificate, orders, screenshots, manifest with SHA-256 of every file, the printable 提取笔录, audit inclusion proofs',
      description: `${OTHERS_404} The ZIP is stored as made and its SHA-256 written to the audit log (case.evidence_packaged) and the case record in the same transaction. The newest audit entries of the case must be in a signed checkpoint first: the call waits up to 10 s for it, then answers 409 \`audit_not_signed_yet\`.`,
      request: { params: caseParams },
      responses: { 201: jsonResponse(evidencePackageSchema, 'Extracted and stored') },
    }),
    async (c) => {
      const { caseId } = c.req.valid('param');
      return c.json(await createEvidencePackage(c.var.deps, actingMember(c), caseId), 201);
    },
  )
  .openapi(
    defineRoute(officers, {
      method: 'get',
      path: '/{caseId}/evidence-packages',
      tags,
      summary: 'The evidence packages extracted from a case, newest first, with their SHA-256',
      description: OTHERS_404,
      request: { params: caseParams },
      responses: { 200: jsonResponse(evidencePackagesSchema) },
    }),
    async (c) => {
      const caseId = await ownCase(c, c.req.valid('param').caseId);
      return c.json({ packages: await listEvidencePackages(c.var.deps.db, caseId) }, 200);
    },
  )
  .openapi(
    defineRoute(officers, {
      method: 'get',
      path: '/{caseId}/evidence-packages/{packageId}',
      tags,
      summary: 'Download a stored evidence package: the ZIP byte for byte as it was extracted',
      description: `${OTHERS_404} The \`X-Content-SHA256\` header repeats the hash the audit log recorded.`,
      request: { params: caseParams.extend(uuidParam('packageId').shape) },
      responses: {
        200: {
          description: 'The ZIP',
          content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const { caseId, packageId } = c.req.valid('param');
      const stored = await evidencePackageContent(c.var.deps.db, await ownCase(c, caseId), packageId);
      if (!stored) throw notFound('evidence package');
      return c.body(new Uint8Array(stored.content), 200, {
        'content-type': 'application/zip',
        'content-disposition': attachment(stored.fileName),
        'x-content-sha256': stored.sha256,
        'cache-control': 'private, no-store',
      });
    },
  );
