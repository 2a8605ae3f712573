import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  apiTokenSchema,
  changeRoleBodySchema,
  createApiTokenBodySchema,
  createdApiTokenSchema,
  createdInvitationSchema,
  createInvitationBodySchema,
  invitationSchema,
  memberSchema,
  organizationSchema,
  rolesForKind,
} from '@jadelive/shared';
import { Access, MANAGERS, memberActor, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { ApiError, because, forbidden, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, okSchema, uuidParam } from '../../http/route';
import { hashToken, randomToken } from '../../lib/tokens';
import { recordAudit } from '../audit/repository';
import * as repo from './repository';
import { toApiToken, toInvitation, toMember } from './serialize';

const tags = ['organization'];
const managers = Access.members('any', { roles: MANAGERS });
const INVITATION_VALID_DAYS = 7;

export const organizationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.members('any', { token: 'org:read' }), {
      method: 'get',
      path: '/',
      tags,
      summary: "The caller's organisation",
      responses: { 200: jsonResponse(organizationSchema) },
    }),
    async (c) => {
      const organization = await repo.findOrganization(c.var.deps.db, memberActor(c).organizationId);
      if (!organization) throw notFound('organization');
      return c.json(organizationSchema.parse(organization), 200);
    },
  )
  .openapi(
    defineRoute(managers, {
      method: 'get',
      path: '/members',
      tags,
      summary: 'Members of the organisation',
      responses: { 200: jsonResponse(z.object({ members: z.array(memberSchema) })) },
    }),
    async (c) => {
      const rows = await repo.listMembers(c.var.deps.db, memberActor(c).organizationId);
      return c.json({ members: rows.map(toMember) }, 200);
    },
  )
  .openapi(
    defineRoute(Access.members('any', { roles: ['owner'] }), {
      method: 'patch',
      path: '/members/{userId}',
      tags,
      summary: "Change a member's role (owners only)",
      request: { params: uuidParam('userId'), body: jsonBody(changeRoleBodySchema) },
      responses: { 200: jsonResponse(memberSchema) },
    }),
    async (c) => {
      const actor = sessionActor(c);
      const { db } = c.var.deps;
      const organizationId = memberActor(c).organizationId;
      const { userId } = c.req.valid('param');
      const { role } = c.req.valid('json');
      if (!rolesForKind(memberActor(c).organizationKind).includes(role)) {
        throw new ApiError(
          'VALIDATION_FAILED',
          `role ${role} does not exist in this kind of organisation`,
          because('unknown_role', { role }),
        );
      }
      if (userId === actor.userId)
        throw forbidden('owners cannot change their own role', because('own_role'));
      const updated = await db.transaction().execute(async (trx) => {
        const before = await repo.findMember(trx, organizationId, userId);
        if (!before) throw notFound('member');
        const after = await repo.updateMemberRole(trx, organizationId, userId, role);
        if (!after) throw notFound('member');
        await recordAudit(trx, {
          action: 'member.role_changed',
          targetType: 'user',
          targetId: userId,
          details: { from: before.role, to: role },
        });
        return after;
      });
      return c.json(toMember(updated), 200);
    },
  )
  .openapi(
    defineRoute(managers, {
      method: 'get',
      path: '/invitations',
      tags,
      summary: 'Pending invitations',
      responses: { 200: jsonResponse(z.object({ invitations: z.array(invitationSchema) })) },
    }),
    async (c) => {
      const rows = await repo.listPendingInvitations(c.var.deps.db, memberActor(c).organizationId);
      return c.json({ invitations: rows.map(toInvitation) }, 200);
    },
  )
  .openapi(
    defineRoute(managers, {
      method: 'post',
      path: '/invitations',
      tags,
      summary: 'Invite someone to the organisation with a role',
      description: 'The invite link is returned (shown once) and also sent through the mailer.',
      request: { body: jsonBody(createInvitationBodySchema) },
      responses: { 201: jsonResponse(createdInvitationSchema) },
    }),
    async (c) => {
      const actor = sessionActor(c);
      const member = memberActor(c);
      const { db, config, mailer } = c.var.deps;
      const body = c.req.valid('json');
      if (!rolesForKind(member.organizationKind).includes(body.role)) {
        throw new ApiError(
          'VALIDATION_FAILED',
          `role ${body.role} does not exist in this kind of organisation`,
        );
      }
      if (body.role === 'owner' && actor.role !== 'owner') {
        throw forbidden('only owners may invite owners', because('owners_invite_owners'));
      }
      const secret = randomToken();
      const invitation = await db.transaction().execute(async (trx) => {
        const inserted = await repo.insertInvitation(trx, member.organizationId, {
          email: body.email,
          role: body.role,
          tokenHash: hashToken(secret),
          invitedBy: actor.userId,
          validDays: INVITATION_VALID_DAYS,
        });
        await recordAudit(trx, {
          action: 'invitation.created',
          targetType: 'invitation',
          targetId: inserted.id,
          details: { email: body.email, role: body.role },
        });
        return inserted;
      });
      const inviteUrl = `${config.publicUrl}/invite/${secret}`;
      await mailer.send({ to: body.email, subject: 'Jadelive invitation', text: inviteUrl });
      return c.json({ invitation: toInvitation(invitation), inviteUrl }, 201);
    },
  )
  .openapi(
    defineRoute(managers, {
      method: 'delete',
      path: '/invitations/{invitationId}',
      tags,
      summary: 'Withdraw a pending invitation',
      request: { params: uuidParam('invitationId') },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const organizationId = memberActor(c).organizationId;
      const { invitationId } = c.req.valid('param');
      await c.var.deps.db.transaction().execute(async (trx) => {
        if (!(await repo.revokeInvitation(trx, organizationId, invitationId))) throw notFound('invitation');
        await recordAudit(trx, {
          action: 'invitation.revoked',
          targetType: 'invitation',
          targetId: invitationId,
        });
      });
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute(managers, {
      method: 'get',
      path: '/tokens',
      tags,
      summary: 'API tokens of the organisation (secrets are never shown again)',
      responses: { 200: jsonResponse(z.object({ tokens: z.array(apiTokenSchema) })) },
    }),
    async (c) => {
      const rows = await repo.listApiTokens(c.var.deps.db, memberActor(c).organizationId);
      return c.json({ tokens: rows.map(toApiToken) }, 200);
    },
  )
  .openapi(
    defineRoute(managers, {
      method: 'post',
      path: '/tokens',
      tags,
      summary: 'Issue an API token for machine clients',
      description: 'The secret is in the response only; the server keeps its SHA-256.',
      request: { body: jsonBody(createApiTokenBodySchema) },
      responses: { 201: jsonResponse(createdApiTokenSchema) },
    }),
    async (c) => {
      const actor = sessionActor(c);
      const organizationId = memberActor(c).organizationId;
      const body = c.req.valid('json');
      const prefix = randomToken(6);
      const token = `jl_${prefix}_${randomToken()}`;
      const row = await c.var.deps.db.transaction().execute(async (trx) => {
        const issued = await repo.insertApiToken(trx, organizationId, {
          name: body.name,
          tokenPrefix: `jl_${prefix}`,
          tokenHash: hashToken(token),
          permissions: [...new Set(body.permissions)],
          createdBy: actor.userId,
          expiresInDays: body.expiresInDays,
        });
        await recordAudit(trx, {
          action: 'token.issued',
          targetType: 'api_token',
          targetId: issued.id,
          details: { name: body.name, permissions: body.permissions },
        });
        return issued;
      });
      return c.json({ apiToken: toApiToken(row), token }, 201);
    },
  )
  .openapi(
    defineRoute(managers, {
      method: 'delete',
      path: '/tokens/{tokenId}',
      tags,
      summary: 'Revoke an API token',
      request: { params: uuidParam('tokenId') },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      const organizationId = memberActor(c).organizationId;
      const { tokenId } = c.req.valid('param');
      await c.var.deps.db.transaction().execute(async (trx) => {
        if (!(await repo.revokeApiToken(trx, organizationId, tokenId))) throw notFound('token');
        await recordAudit(trx, { action: 'token.revoked', targetType: 'api_token', targetId: tokenId });
      });
      return c.json({ ok: true as const }, 200);
    },
  );
