import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  certificateConfirmBodySchema,
  certificateDecisionBodySchema,
  certificateSchema,
} from '@jadelive/shared';
import { Access, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import * as repo from './repository';
import { toCertificate } from './serialize';
import { transitionCertificate } from './service';

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
      if (certificate.status !== 'unverified') throw conflict(`the certificate is ${certificate.status}`);
      await db
        .transaction()
        .execute((trx) =>
          transitionCertificate(
            trx,
            certificate,
            'verified',
            { userId: actor.userId, orgId: actor.organizationId },
            'platform_admin',
            c.req.valid('json').note ?? null,
          ),
        );
      const row = await repo.findCertificate(db, certificate.id);
      if (!row) throw notFound('certificate');
      return c.json(toCertificate(row), 200);
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
      if (certificate.status === 'revoked') throw conflict('the certificate is revoked already');
      await db
        .transaction()
        .execute((trx) =>
          transitionCertificate(
            trx,
            certificate,
            'revoked',
            { userId: actor.userId, orgId: actor.organizationId },
            'platform_admin',
            c.req.valid('json').reason,
          ),
        );
      const row = await repo.findCertificate(db, certificate.id);
      if (!row) throw notFound('certificate');
      return c.json(toCertificate(row), 200);
    },
  );
