import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  certificateConfirmBodySchema,
  certificateDecisionBodySchema,
  certificateSchema,
} from '@jadelive/shared';
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
    async (c) => {
      const actor = sessionActor(c);
      const { db } = c.var.deps;
      const certificate = await repo.findCertificate(db, c.req.valid('param').certificateId);
      if (!certificate) throw notFound('certificate');
      const actorRef = { userId: actor.userId, orgId: actor.organizationId };
      return c.json(
        await decideCertificate(
          db,
          certificate,
          'verified',
          actorRef,
          'platform_admin',
          c.req.valid('json').note ?? null,
        ),
        200,
      );
    },
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
    async (c) => {
      const actor = sessionActor(c);
      const { db } = c.var.deps;
      const certificate = await repo.findCertificate(db, c.req.valid('param').certificateId);
      if (!certificate) throw notFound('certificate');
      const actorRef = { userId: actor.userId, orgId: actor.organizationId };
      return c.json(
        await decideCertificate(
          db,
          certificate,
          'revoked',
          actorRef,
          'platform_admin',
          c.req.valid('json').reason,
        ),
        200,
      );
    },
  );
