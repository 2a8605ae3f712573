import { OpenAPIHono, z } from '@hono/zod-openapi';
import { caseLeadSchema, caseLeadsQuerySchema, recordObservationBodySchema } from '@jadelive/shared';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route';
import { iso } from '../../lib/serialize';
import { loadFlagViewer } from '../compliance/repository';
import { listLeads } from './leads-repository';
import { actingMember, officers } from './officer';
import { recordObservation } from './open-case';
import { listOtherRegulators } from './repository';

const tags = ['cases'];

/** The regulator's inbox of leads and its own observations, mounted at /api/cases before the case routes. */
export const caseLeadRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(officers, {
      method: 'get',
      path: '/leads',
      tags,
      summary:
        'Leads to open cases from: compliance flags of the district and the regulator’s own observations',
      description:
        'Newest first, up to 100 of each kind. Flags are those the regulator may see (sellers of its district); leads already part of a case only with `includeLinked=true`, each naming its case.',
      request: { query: caseLeadsQuerySchema },
      responses: { 200: jsonResponse(z.object({ leads: z.array(caseLeadSchema) })) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const { kind, includeLinked } = c.req.valid('query');
      const viewer = await loadFlagViewer(db, actingMember(c).orgId);
      return c.json(
        { leads: await listLeads(db, viewer, { kind, includeLinked: includeLinked === 'true' }) },
        200,
      );
    },
  )
  .openapi(
    defineRoute(officers, {
      method: 'post',
      path: '/observations',
      tags,
      summary: 'Record an observation (巡查发现) as a lead: a note, screenshots and what it was seen in',
      description:
        'Screenshots are the regulator’s own uploads (`POST /api/images`). The seller is taken from the live session or listing, or named with `sellerId`; when they disagree the answer is 422.',
      request: { body: jsonBody(recordObservationBodySchema) },
      responses: {
        201: jsonResponse(z.object({ id: z.uuid(), observedAt: z.iso.datetime({ offset: true }) })),
      },
    }),
    async (c) => {
      const row = await recordObservation(c.var.deps, actingMember(c), c.req.valid('json'));
      return c.json({ id: row.id, observedAt: iso(row.observedAt) }, 201);
    },
  )
  .openapi(
    defineRoute(officers, {
      method: 'get',
      path: '/regulators',
      tags,
      summary: 'Other regulators a case can be transferred (移送) to, with their districts',
      responses: {
        200: jsonResponse(
          z.object({
            regulators: z.array(
              z.object({ id: z.uuid(), name: z.string(), district: z.string().nullable() }),
            ),
          }),
        ),
      },
    }),
    async (c) => c.json({ regulators: await listOtherRegulators(c.var.deps.db, actingMember(c).orgId) }, 200),
  );
