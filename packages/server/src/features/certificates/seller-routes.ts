import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  certificateEventSchema,
  certificateSchema,
  heldCertificateSchema,
  type ListingStatus,
  registerCertificateBodySchema,
} from '@jadelive/shared';
import { Access, actorUserId, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { because, conflict, notFound, unprocessable } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { consumeRateLimit } from '../../http/rate-limit';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { iso } from '../../lib/serialize';
import { requireOwnImages } from '../images/repository';
import * as repo from './repository';
import { toCertificate } from './serialize';
import { describeIdentification, registerCertificate, transitionCertificate } from './service';
import { VERIFY_PER_MINUTE } from './verify-routes';
import { weightsAgree } from './weights';

const tags = ['certificates (seller)'];
const sellerReaders = Access.members(['seller'], { token: 'certificates:read' });
const sellerEditors = Access.members(['seller'], {
  roles: ['owner', 'admin', 'staff'],
  token: 'certificates:write',
});

export const sellerCertificateRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(sellerReaders, {
      method: 'get',
      path: '/',
      tags,
      summary: "The seller's certificates, each with the listings bound to it",
      description:
        '`usedBy` lists the seller’s listings (not archived) bound to the certificate: a draft may share ' +
        'a certificate, but only one listing at a time may be on sale (or sold out, or suspended) with it.',
      responses: { 200: jsonResponse(z.object({ certificates: z.array(heldCertificateSchema) })) },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const holderOrgId = memberActor(c).organizationId;
      const [rows, bound] = await Promise.all([
        repo.listHeldCertificates(db, holderOrgId),
        repo.listBoundListings(db, holderOrgId),
      ]);
      const usedBy = new Map<string, { listingId: string; title: string; status: ListingStatus }[]>();
      for (const { certificateId, ...listing } of bound) {
        if (certificateId) usedBy.set(certificateId, [...(usedBy.get(certificateId) ?? []), listing]);
      }
      const certificates = rows.map((row) => ({ ...toCertificate(row), usedBy: usedBy.get(row.id) ?? [] }));
      return c.json({ certificates }, 200);
    },
  )
  .openapi(
    defineRoute(sellerEditors, {
      method: 'post',
      path: '/',
      tags,
      summary:
        'Register a certificate (unverified until its lab, a platform admin or a lookup adapter confirms)',
      description:
        'A registration holds nothing until it is confirmed, so nobody’s pending registration blocks the real holder: the lab issuing or confirming the real one supersedes it. A number the lab has issued or confirmed to its holder is a 409 `certificate_number_taken` (no more than `GET /api/verify` tells anyone, and under the same per-minute rate limit, per organisation), as is your own pending registration of the same number.',
      request: { body: jsonBody(registerCertificateBodySchema) },
      responses: { 201: jsonResponse(certificateSchema) },
    }),
    async (c) => {
      const actor = memberActor(c);
      const { db } = c.var.deps;
      const { labOrgId, externalLabName, ...fields } = c.req.valid('json');
      if (labOrgId && !(await repo.findLabOrganization(db, labOrgId)))
        throw unprocessable('labOrgId is not a lab', because('lab_not_found'));
      if (fields.photoImageId)
        await requireOwnImages(db, actor.organizationId, [fields.photoImageId], 'photoImageId');
      // Whether the number is held is what /api/verify tells anyone; registering asks it at the same rate.
      await consumeRateLimit(db, `certificate-register:${actor.organizationId}`, VERIFY_PER_MINUTE, 60);
      const labKey = labOrgId ?? `external:${(externalLabName ?? '').trim().toLowerCase()}`;
      if (await repo.findByLabKeyAndNumber(db, labKey, fields.number)) {
        throw conflict(
          `certificate number ${fields.number} is held by the certificate its lab issued or confirmed`,
          because('certificate_number_taken', { number: fields.number }),
        );
      }
      const described = describeIdentification(fields.identification);
      const id = await db.transaction().execute((trx) =>
        registerCertificate(
          trx,
          {
            ...fields,
            ...described,
            labOrgId: labOrgId ?? null,
            externalLabName: externalLabName ?? null,
            holderOrgId: actor.organizationId,
          },
          { userId: actorUserId(actor), orgId: actor.organizationId },
        ),
      );
      const row = await repo.findCertificate(db, id);
      if (!row) throw notFound('certificate');
      return c.json(toCertificate(row), 201);
    },
  )
  .openapi(
    defineRoute(sellerReaders, {
      method: 'get',
      path: '/{certificateId}',
      tags,
      summary: 'One certificate with its status history',
      request: { params: uuidParam('certificateId') },
      responses: {
        200: jsonResponse(
          z.object({ certificate: certificateSchema, events: z.array(certificateEventSchema) }),
        ),
      },
    }),
    async (c) => {
      const { db } = c.var.deps;
      const row = await repo.findHeldCertificate(
        db,
        memberActor(c).organizationId,
        c.req.valid('param').certificateId,
      );
      if (!row) throw notFound('certificate');
      const events = await repo.listCertificateEvents(db, row.id);
      return c.json(
        {
          certificate: toCertificate(row),
          events: events.map((event) => ({ ...event, occurredAt: iso(event.occurredAt) })),
        },
        200,
      );
    },
  )
  .openapi(
    defineRoute(sellerEditors, {
      method: 'post',
      path: '/{certificateId}/external-check',
      tags,
      summary: "Ask the outside lab's query service (through a lookup adapter) to confirm a registration",
      request: { params: uuidParam('certificateId') },
      responses: { 200: jsonResponse(certificateSchema) },
    }),
    async (c) => {
      const actor = memberActor(c);
      const { db, certificateLookups } = c.var.deps;
      const row = await repo.findHeldCertificate(
        db,
        actor.organizationId,
        c.req.valid('param').certificateId,
      );
      if (!row) throw notFound('certificate');
      if (row.status !== 'unverified') {
        throw conflict(
          `the certificate is ${row.status}`,
          because('certificate_status', { status: row.status }),
        );
      }
      const labName = row.externalLabName ?? row.labOrgName ?? '';
      const adapter = certificateLookups.find((lookup) => lookup.handles(labName));
      if (!adapter)
        throw unprocessable(
          `no lookup service is connected for ${labName}; ask the lab or a platform admin`,
          because('no_lookup_service', { labName }),
        );
      const result = await adapter.lookup(labName, row.number);
      if (!result.found) {
        throw unprocessable(
          `${labName} has no certificate numbered ${row.number}`,
          because('lab_has_no_such_certificate', { labName, number: row.number }),
        );
      }
      const mismatches = [
        result.identification.replace(/\s/g, '') !== row.identification.replace(/\s/g, '')
          ? 'identification'
          : null,
        weightsAgree(row, result) ? null : 'weight',
      ].filter((field): field is string => field !== null);
      if (mismatches.length > 0) {
        throw unprocessable('the lab’s record differs from what was registered', {
          ...because('lab_record_differs', { mismatches }),
          mismatches,
          labRecord: result,
        });
      }
      await db
        .transaction()
        .execute((trx) =>
          transitionCertificate(
            trx,
            row,
            'verified',
            { userId: null, orgId: null },
            `adapter:${adapter.name}`,
            null,
          ),
        );
      const updated = await repo.findCertificate(db, row.id);
      if (!updated) throw notFound('certificate');
      return c.json(toCertificate(updated), 200);
    },
  );
