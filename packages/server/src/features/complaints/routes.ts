import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  acceptComplaintBodySchema,
  answerComplaintBodySchema,
  COMPLAINT_ANSWER_DAYS,
  complaintListSchema,
  complaintSchema,
  complaintsQuerySchema,
  escalateComplaintBodySchema,
  fileComplaintBodySchema,
  rejectComplaintBodySchema,
} from '@jadelive/shared';
import type { Context } from 'hono';
import type { Database } from '../../db/database';
import { Access, actorUserId, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { buyerUserId } from '../orders/buyer';
import { type ComplaintScope, findComplaint, listComplaintLeads, listComplaints } from './repository';
import { toComplaint } from './serialize';
import * as complaints from './service';

const tags = ['complaints'];
const one = { 200: jsonResponse(complaintSchema) };
const BUYERS_ONLY = 'Buyer accounts only (signed in, no organisation); another buyer’s complaint is 404.';
const OTHER_STATUS = 'A complaint in another status answers 409 (`complaint_status`).';
/** Shop members who may speak for the shop; hosts read complaints but do not answer them. */
const sellerAnswerers = Access.members(['seller'], { roles: ['owner', 'admin', 'staff'] });
const sellerReaders = Access.members(['seller']);
const regulators = Access.members(['regulator']);

async function complaintOf(db: Database, scope: ComplaintScope, id: string) {
  const row = await findComplaint(db, scope, id);
  if (!row) throw notFound('complaint');
  return toComplaint(row);
}

const buyerScope = (c: Context<AppEnv>) => ({ buyerUserId: buyerUserId(c) });
const shopScope = (c: Context<AppEnv>) => ({ sellerOrgId: memberActor(c).organizationId });
const regulatorScope = (c: Context<AppEnv>) => ({ regulatorOrgId: memberActor(c).organizationId });

/** 受理 or 不予受理 by the calling regulator; the complaint as it stands after. */
async function decide(c: Context<AppEnv>, decision: Parameters<typeof complaints.decideComplaint>[4]) {
  const actor = memberActor(c);
  const id = c.req.param('id') ?? '';
  await complaints.decideComplaint(c.var.deps.db, actor.organizationId, actorUserId(actor), id, decision);
  return complaintOf(c.var.deps.db, regulatorScope(c), id);
}

/** The buyer's side, mounted at /api/complaints. */
export const buyerComplaintRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/',
      tags,
      summary: 'File a complaint (投诉) about an order, a listing or a live session',
      description: `${BUYERS_ONLY} The subject is the buyer's own order, a listing that was published, or a session that went on air (anything else is 404). Photos are ids from \`POST /api/images/buyer\`. The shop is told and has ${COMPLAINT_ANSWER_DAYS} days to answer. A second open complaint about the same subject answers 409 (\`complaint_open\`).`,
      request: { body: jsonBody(fileComplaintBodySchema) },
      responses: { 201: jsonResponse(complaintSchema, 'Filed') },
    }),
    async (c) => {
      const scope = buyerScope(c);
      const id = await complaints.fileComplaint(c.var.deps.db, scope.buyerUserId, c.req.valid('json'));
      return c.json(await complaintOf(c.var.deps.db, scope, id), 201);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'get',
      path: '/mine',
      tags,
      summary: 'The calling buyer’s complaints (我的投诉), newest first',
      description: BUYERS_ONLY,
      request: { query: complaintsQuerySchema },
      responses: { 200: jsonResponse(complaintListSchema) },
    }),
    async (c) => {
      const rows = await listComplaints(c.var.deps.db, buyerScope(c), c.req.valid('query'));
      return c.json({ complaints: rows.map((row) => toComplaint(row)) }, 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'get',
      path: '/mine/{id}',
      tags,
      summary: 'One of the buyer’s complaints, with the answer, the escalation and the decision',
      description: BUYERS_ONLY,
      request: { params: uuidParam('id') },
      responses: one,
    }),
    async (c) => c.json(await complaintOf(c.var.deps.db, buyerScope(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/{id}/settle',
      tags,
      summary: 'Accept the shop’s answer: the complaint is settled',
      description: `${BUYERS_ONLY} Only an answered complaint. ${OTHER_STATUS}`,
      request: { params: uuidParam('id'), body: jsonBody(z.strictObject({})) },
      responses: one,
    }),
    async (c) => {
      const scope = buyerScope(c);
      const { id } = c.req.valid('param');
      await complaints.settleComplaint(c.var.deps.db, scope.buyerUserId, id);
      return c.json(await complaintOf(c.var.deps.db, scope, id), 200);
    },
  )
  .openapi(
    defineRoute(Access.signedIn, {
      method: 'post',
      path: '/{id}/escalate',
      tags,
      summary: 'Take a complaint not settled to the market regulator of the shop’s district',
      description: `${BUYERS_ONLY} After the shop answered, or once its time to answer has passed (before that 409 \`complaint_seller_has_time\`). It goes to the regulator of the shop's district, else a city-wide one; with neither on the platform 409 \`no_regulator\`. The regulator has 7 working days (Beijing calendar) to accept or reject it. ${OTHER_STATUS}`,
      request: { params: uuidParam('id'), body: jsonBody(escalateComplaintBodySchema) },
      responses: one,
    }),
    async (c) => {
      const scope = buyerScope(c);
      const { id } = c.req.valid('param');
      await complaints.escalateComplaint(c.var.deps.db, scope.buyerUserId, id, c.req.valid('json'));
      return c.json(await complaintOf(c.var.deps.db, scope, id), 200);
    },
  );

/** The shop's inbox, mounted at /api/seller/complaints. */
export const sellerComplaintRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(sellerReaders, {
      method: 'get',
      path: '/',
      tags,
      summary: 'Complaints about the calling shop, newest first, with the time left to answer',
      request: { query: complaintsQuerySchema },
      responses: { 200: jsonResponse(complaintListSchema) },
    }),
    async (c) => {
      const rows = await listComplaints(c.var.deps.db, shopScope(c), c.req.valid('query'));
      return c.json({ complaints: rows.map((row) => toComplaint(row)) }, 200);
    },
  )
  .openapi(
    defineRoute(sellerReaders, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One complaint about the shop',
      description: 'A complaint about another shop is 404.',
      request: { params: uuidParam('id') },
      responses: one,
    }),
    async (c) => c.json(await complaintOf(c.var.deps.db, shopScope(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute(sellerAnswerers, {
      method: 'post',
      path: '/{id}/answer',
      tags,
      summary: 'Answer a complaint; the buyer is told and may accept the answer or go to the regulator',
      description: `Shop owners, admins and staff. A complaint about another shop is 404. Only a complaint waiting for its answer. ${OTHER_STATUS}`,
      request: { params: uuidParam('id'), body: jsonBody(answerComplaintBodySchema) },
      responses: one,
    }),
    async (c) => {
      const actor = memberActor(c);
      const { id } = c.req.valid('param');
      const scope = shopScope(c);
      await complaints.answerComplaint(
        c.var.deps.db,
        scope.sellerOrgId,
        actorUserId(actor),
        id,
        c.req.valid('json'),
      );
      return c.json(await complaintOf(c.var.deps.db, scope, id), 200);
    },
  );

/** The regulator's complaint leads, mounted at /api/regulator/complaints. */
export const regulatorComplaintRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(regulators, {
      method: 'get',
      path: '/',
      tags,
      summary:
        'Complaints escalated to the calling regulator (leads), newest first, with the working days left',
      description:
        'Each escalated complaint must be accepted (受理) or rejected (不予受理) within 7 working days of receipt (投诉举报处理暂行办法 第14条); `escalation.decisionDeadline` counts them on the Beijing calendar. `status=escalated` lists the undecided ones.',
      request: { query: complaintsQuerySchema },
      responses: { 200: jsonResponse(complaintListSchema) },
    }),
    async (c) => {
      const rows = await listComplaintLeads(
        c.var.deps.db,
        memberActor(c).organizationId,
        c.req.valid('query'),
      );
      return c.json({ complaints: rows.map((row) => toComplaint(row)) }, 200);
    },
  )
  .openapi(
    defineRoute(regulators, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One complaint escalated to the regulator',
      description:
        'A complaint not escalated to the calling regulator (another district, or not escalated) is 404.',
      request: { params: uuidParam('id') },
      responses: one,
    }),
    async (c) => c.json(await complaintOf(c.var.deps.db, regulatorScope(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute(regulators, {
      method: 'post',
      path: '/{id}/accept',
      tags,
      summary: 'Accept (受理) an escalated complaint, with an optional note',
      description: `Another regulator's complaint is 404. Also after the 7 working days (the decision is then marked late). ${OTHER_STATUS}`,
      request: { params: uuidParam('id'), body: jsonBody(acceptComplaintBodySchema) },
      responses: one,
    }),
    async (c) => c.json(await decide(c, { outcome: 'accepted', ...c.req.valid('json') }), 200),
  )
  .openapi(
    defineRoute(regulators, {
      method: 'post',
      path: '/{id}/reject',
      tags,
      summary: 'Reject (不予受理) an escalated complaint, with the reason the buyer is told',
      description: `Another regulator's complaint is 404. ${OTHER_STATUS}`,
      request: { params: uuidParam('id'), body: jsonBody(rejectComplaintBodySchema) },
      responses: one,
    }),
    async (c) => c.json(await decide(c, { outcome: 'rejected', ...c.req.valid('json') }), 200),
  );
