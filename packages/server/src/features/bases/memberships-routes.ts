import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  applyToBaseBodySchema,
  MEMBERSHIP_DECISIONS,
  type MembershipStatus,
  membershipDecisionBodySchema,
  membershipDecisionResultSchema,
  membershipListQuerySchema,
  membershipSchema,
  membershipSourcesFor,
} from '@jadelive/shared';
import { memberActor, sessionActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, conflict, notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { insertNotifications } from '../notifications/repository';
import { cancelUnfinishedBookingsOfSeller } from './bookings-repository';
import * as memberships from './memberships-repository';
import { auditAs, baseParams, operators, sellerManagers, sellerMembers } from './policies';
import { findBase, findOperatedBase } from './repository';
import { toMembership } from './serialize';

const tags = ['base memberships'];
const memberParams = baseParams.extend(uuidParam('sellerOrgId').shape);
const membershipList = z.object({ memberships: z.array(membershipSchema) });

export const membershipRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(sellerMembers, {
      method: 'get',
      path: '/memberships/mine',
      tags,
      summary: "The caller's seller organisation's memberships in bases, newest application first",
      responses: { 200: jsonResponse(membershipList) },
    }),
    async (c) => {
      const rows = await memberships.listMembershipsOfSeller(c.var.deps.db, memberActor(c).organizationId);
      return c.json({ memberships: rows.map(toMembership) }, 200);
    },
  )
  .openapi(
    defineRoute(sellerManagers, {
      method: 'post',
      path: '/{id}/applications',
      tags,
      summary: 'Apply to join a base (again, after a rejection or removal)',
      description: 'Answers 409 while an application is pending or the seller is admitted or suspended.',
      request: { params: baseParams, body: jsonBody(applyToBaseBodySchema) },
      responses: { 201: jsonResponse(membershipSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const sellerOrgId = memberActor(c).organizationId;
      const { id } = c.req.valid('param');
      const { note } = c.req.valid('json');
      if (!(await findBase(db, id))) throw notFound('base');
      const membership = await db.transaction().execute(async (trx) => {
        const applied = await memberships.applyForMembership(trx, sellerOrgId, id, note || null);
        if (!applied) {
          const current = await memberships.findMembership(trx, id, sellerOrgId);
          throw conflict(`your organisation's membership of this base is ${current?.status ?? 'open'}`, {
            ...because('membership_exists', { status: current?.status ?? 'open' }),
            status: current?.status,
          });
        }
        await auditAs(c, trx, {
          action: 'base_membership.applied',
          organizationId: sellerOrgId,
          targetType: 'base',
          targetId: id,
          details: { note: note || null },
        });
        return memberships.findMembership(trx, id, sellerOrgId);
      });
      if (!membership) throw notFound('membership');
      return c.json(toMembership(membership), 201);
    },
  )
  .openapi(
    defineRoute(operators, {
      method: 'get',
      path: '/{id}/members',
      tags,
      summary: 'Sellers that applied to or belong to a base, with their status (its operator only)',
      request: { params: baseParams, query: membershipListQuerySchema },
      responses: { 200: jsonResponse(membershipList) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const operatorOrgId = memberActor(c).organizationId;
      const { id } = c.req.valid('param');
      if (!(await findOperatedBase(db, operatorOrgId, id))) throw notFound('base');
      const rows = await memberships.listMembersOfBase(db, operatorOrgId, id, c.req.valid('query').status);
      return c.json({ memberships: rows.map(toMembership) }, 200);
    },
  )
  .openapi(
    defineRoute(operators, {
      method: 'patch',
      path: '/{id}/members/{sellerOrgId}',
      tags,
      summary: 'Admit, reject, suspend or remove a seller (its operator only)',
      description:
        'Allowed: applied → admitted | rejected; admitted → suspended | removed; suspended → admitted | ' +
        'removed. Anything else answers 409. Suspending or removing cancels the seller’s bookings on ' +
        'this base that have not ended. Every decision is written to the audit trail, and the seller is notified with the optional `note` (the reason).',
      request: { params: memberParams, body: jsonBody(membershipDecisionBodySchema) },
      responses: { 200: jsonResponse(membershipDecisionResultSchema) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const operatorOrgId = memberActor(c).organizationId;
      const userId = sessionActor(c).userId;
      const { id, sellerOrgId } = c.req.valid('param');
      const { status, note } = c.req.valid('json');
      const result = await db.transaction().execute(async (trx) => {
        const current = await memberships.lockMembershipOfOperatedBase(trx, operatorOrgId, id, sellerOrgId);
        if (!current) throw notFound('membership');
        const from = current.status as MembershipStatus;
        if (!membershipSourcesFor(status).includes(from)) {
          throw conflict(`a membership that is ${from} cannot become ${status}`, {
            ...because('invalid_transition', { from, to: status }),
            allowed: MEMBERSHIP_DECISIONS[from],
          });
        }
        await memberships.setMembershipStatus(trx, id, sellerOrgId, { status, note, decidedBy: userId });
        const cancelledBookings =
          status === 'suspended' || status === 'removed'
            ? await cancelUnfinishedBookingsOfSeller(trx, id, sellerOrgId, userId)
            : 0;
        await auditAs(c, trx, {
          action: `base_membership.${status}`,
          organizationId: operatorOrgId,
          targetType: 'organization',
          targetId: sellerOrgId,
          details: { baseId: id, from, to: status, note: note ?? null, cancelledBookings },
        });
        const membership = (await memberships.findMembership(trx, id, sellerOrgId))!;
        await insertNotifications(trx, [
          {
            orgId: sellerOrgId,
            kind: 'base_membership_decided',
            message: `${membership.baseName}: membership ${status}${note ? ` (${note})` : ''}`,
            subjectType: 'base',
            subjectId: id,
            details: { baseName: membership.baseName, status, note: note || null, cancelledBookings },
          },
        ]);
        return { membership, cancelledBookings };
      });
      return c.json(
        { membership: toMembership(result.membership), cancelledBookings: result.cancelledBookings },
        200,
      );
    },
  );
