import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  certificateConfirmBodySchema,
  certificateDecisionBodySchema,
  certificateSchema,
} from '@jadelive/shared';
import type { Context } from 'hono';
import { Access, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import * as repo from './repository';
import { toCertificate } from './serialize';
import { decideCertificate } from './service';

const tags = ['certificates (platform admin)'];
const platformAdmins = Access.members(['platform'], { roles: ['owner', 'admin'] });

/** A platform admin may decide on any certificate, whichever lab it names. */
async function decideAsAdmin(
  c: Context<AppEnv>,
  certificateId: string,
  to: 'verified' | 'revoked',
  reason: string | null,
) {
  const actor = sessionActor(c);
  const { db } = c.var.deps;
  const certificate = await repo.findCertificate(db, certificateId);
  if (!certificate) throw notFound('certificate');
  const actorRef = { userId: actor.userId, orgId: actor.organizationId };
  return decideCertificate(db, certificate, to, actorRef, 'platform_admin', reason);
}

export const adminCertificateRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(platformAdmins, {
      method: 'get',
      path: '/pending',
      tags,
      summary: 'Registrations from labs outside the platform waiting for confirmation',
      responses: { 200: jsonResponse(z.object({ certificates: z.array(certificateSchema) })) },
    }),
    async (c) => {
      const rows = await repo.listExternalUnverified(c.var.deps.db);
      return c.json({ certificates: rows.map(toCertificate) }, 200);
    },
  )
  .openapi(
    defineRoute(platformAdmins, {
      method: 'post',
      path: '/{certificateId}/confirm',
      tags,
      summary: 'Confirm a registration after checking it with the lab',
      request: { params: uuidParam('certificateId'), body: jsonBody(certificateConfirmBodySchema) },
      responses: { 200: jsonResponse(certificateSchema) },
    }),
    async (c) =>
      c.json(
        await decideAsAdmin(
          c,
          c.req.valid('param').certificateId,
          'verified',
          c.req.valid('json').note ?? null,
        ),
        200,
      ),
  )
  .openapi(
    defineRoute(platformAdmins, {
      method: 'post',
      path: '/{certificateId}/revoke',
      tags,
      summary: 'Revoke any certificate with a reason; its listings are suspended',
      request: { params: uuidParam('certificateId'), body: jsonBody(certificateDecisionBodySchema) },
      responses: { 200: jsonResponse(certificateSchema) },
    }),
    async (c) =>
      c.json(
        await decideAsAdmin(c, c.req.valid('param').certificateId, 'revoked', c.req.valid('json').reason),
        200,
      ),
  );
