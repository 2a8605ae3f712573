import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  certificateConfirmBodySchema,
  certificateDecisionBodySchema,
  certificateSchema,
  certificateStatusSchema,
  issueCertificateBodySchema,
} from '@jadelive/shared';
import type { Context } from 'hono';
import { Access, actorUserId, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, notFound, unprocessable } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { requireOwnImages } from '../images/repository';
import * as repo from './repository';
import { toCertificate } from './serialize';
import { decideCertificate, describeIdentification, issueCertificate } from './service';

const tags = ['certificates (lab)'];
const labMembers = Access.members(['lab'], {
  roles: ['owner', 'admin', 'staff'],
  token: 'certificates:write',
});
const labReaders = Access.members(['lab'], { token: 'certificates:read' });

/** A lab decides only on certificates that name it; any other is not found. */
async function decideAsLab(
  c: Context<AppEnv>,
  certificateId: string,
  to: 'verified' | 'revoked',
  reason: string | null,
) {
  const actor = memberActor(c);
  const { db } = c.var.deps;
  const certificate = await repo.findLabCertificate(db, actor.organizationId, certificateId);
  if (!certificate) throw notFound('certificate');
  const actorRef = { userId: actorUserId(actor), orgId: actor.organizationId };
  const via = to === 'verified' ? 'lab_confirmation' : 'lab_revocation';
  return decideCertificate(db, certificate, to, actorRef, via, reason);
}

export const labCertificateRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(labReaders, {
      method: 'get',
      path: '/',
      tags,
      summary: 'Certificates naming this lab, issued here or registered by sellers for confirmation',
      request: { query: z.strictObject({ status: certificateStatusSchema.optional() }) },
      responses: { 200: jsonResponse(z.object({ certificates: z.array(certificateSchema) })) },
    }),
    async (c) => {
      const rows = await repo.listLabCertificates(
        c.var.deps.db,
        memberActor(c).organizationId,
        c.req.valid('query').status,
      );
      return c.json({ certificates: rows.map(toCertificate) }, 200);
    },
  )
  .openapi(
    defineRoute(labMembers, {
      method: 'post',
      path: '/',
      tags,
      summary: 'Issue a certificate to a seller (verified at once)',
      description:
        'The number is this lab’s: 409 if the lab issued or confirmed it before; sellers’ pending registrations of the same number are superseded (refused, their listings suspended).',
      request: { body: jsonBody(issueCertificateBodySchema) },
      responses: { 201: jsonResponse(certificateSchema) },
    }),
    async (c) => {
      const actor = memberActor(c);
      const body = c.req.valid('json');
      const { db } = c.var.deps;
      if (!(await repo.findSellerOrganization(db, body.holderOrgId)))
        throw unprocessable('holderOrgId is not a seller', because('holder_not_seller'));
      if (body.photoImageId)
        await requireOwnImages(db, actor.organizationId, [body.photoImageId], 'photoImageId');
      const described = describeIdentification(body.identification);
      const id = await db
        .transaction()
        .execute((trx) =>
          issueCertificate(
            trx,
            { ...body, ...described, labOrgId: actor.organizationId },
            { userId: actorUserId(actor), orgId: actor.organizationId },
          ),
        );
      const row = await repo.findCertificate(db, id);
      if (!row) throw notFound('certificate');
      return c.json(toCertificate(row), 201);
    },
  )
  .openapi(
    defineRoute(labMembers, {
      method: 'post',
      path: '/{certificateId}/confirm',
      tags,
      summary: 'Confirm a certificate a seller registered in this lab’s name',
      request: { params: uuidParam('certificateId'), body: jsonBody(certificateConfirmBodySchema) },
      responses: { 200: jsonResponse(certificateSchema) },
    }),
    async (c) =>
      c.json(
        await decideAsLab(
          c,
          c.req.valid('param').certificateId,
          'verified',
          c.req.valid('json').note ?? null,
        ),
        200,
      ),
  )
  .openapi(
    defineRoute(labMembers, {
      method: 'post',
      path: '/{certificateId}/revoke',
      tags,
      summary: 'Revoke a certificate with a reason (also refuses an unverified registration)',
      description: 'Every listing bound to it is suspended at once and its seller is notified.',
      request: { params: uuidParam('certificateId'), body: jsonBody(certificateDecisionBodySchema) },
      responses: { 200: jsonResponse(certificateSchema) },
    }),
    async (c) =>
      c.json(
        await decideAsLab(c, c.req.valid('param').certificateId, 'revoked', c.req.valid('json').reason),
        200,
      ),
  );
