import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  acceptInvitationBodySchema,
  invitationPreviewSchema,
  type MemberRole,
  type OrganizationKind,
  sessionResponseSchema,
} from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { clientIp } from '../../http/client-ip';
import { because, conflict, isUniqueViolation, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { consumeRateLimit } from '../../http/rate-limit';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route';
import { hashPassword } from '../../lib/passwords';
import { iso } from '../../lib/serialize';
import { hashToken } from '../../lib/tokens';
import { recordAudit } from '../audit/repository';
import { insertUser } from '../auth/repository';
import { startSession } from '../auth/service';
import { findOpenInvitation, markInvitationAccepted } from '../organization/repository';

const tags = ['invitations'];
const tokenParam = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/)
    .openapi({ param: { name: 'token', in: 'path' } }),
});

export const invitationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.public, {
      method: 'get',
      path: '/{token}',
      tags,
      summary: 'What an invite link offers (organisation, role, email)',
      request: { params: tokenParam },
      responses: { 200: jsonResponse(invitationPreviewSchema) },
    }),
    async (c) => {
      await consumeRateLimit(c.var.deps.db, `invitation:${clientIp(c)}`, 60, 600);
      const invitation = await findOpenInvitation(c.var.deps.db, hashToken(c.req.valid('param').token));
      if (!invitation) throw notFound('invitation');
      return c.json(
        {
          email: invitation.email,
          role: invitation.role as MemberRole,
          expiresAt: iso(invitation.expiresAt),
          organization: {
            id: invitation.organizationId,
            kind: invitation.orgKind as OrganizationKind,
            name: invitation.orgName,
            slug: invitation.orgSlug,
            district: invitation.orgDistrict,
          },
        },
        200,
      );
    },
  )
  .openapi(
    defineRoute(Access.public, {
      method: 'post',
      path: '/{token}/accept',
      tags,
      summary: 'Accept an invitation: creates the account in the organisation and signs in',
      request: { params: tokenParam, body: jsonBody(acceptInvitationBodySchema) },
      responses: { 201: jsonResponse(sessionResponseSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      await consumeRateLimit(db, `invitation:${clientIp(c)}`, 60, 600);
      const body = c.req.valid('json');
      const invitation = await findOpenInvitation(db, hashToken(c.req.valid('param').token));
      if (!invitation) throw notFound('invitation');
      const passwordHash = await hashPassword(body.password);
      const session = await db.transaction().execute(async (trx) => {
        const user = await insertUser(trx, {
          email: invitation.email,
          passwordHash,
          displayName: body.displayName,
          organizationId: invitation.organizationId,
          role: invitation.role as MemberRole,
        }).catch((error: unknown) => {
          throw isUniqueViolation(error)
            ? conflict('an account with this email exists already', because('email_taken'))
            : error;
        });
        // Two tabs accepting at once: only one may turn the invitation into an account.
        if (!(await markInvitationAccepted(trx, invitation.id, user.id))) throw notFound('invitation');
        await recordAudit(trx, {
          action: 'invitation.accepted',
          actorUserId: user.id,
          organizationId: invitation.organizationId,
          targetType: 'invitation',
          targetId: invitation.id,
        });
        return startSession(c, user.id, trx);
      });
      return c.json(session, 201);
    },
  );
