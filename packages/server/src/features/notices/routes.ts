import { OpenAPIHono, z } from '@hono/zod-openapi';
import { caseDocumentSchema, documentResponseBodySchema } from '@jadelive/shared';
import type { Context } from 'hono';
import { Access, memberActor } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { actingMember } from '../cases/officer';
import { findDocumentForParty, listDocumentsForParty, type PartyViewer } from './repository';
import { toCaseDocuments } from './serialize';
import { markDocumentRead, respondToDocument } from './service';

const tags = ['cases'];
const readers = Access.members(['seller', 'cluster_operator']);
/** Answering a regulator commits the shop: its owners, admins and staff, not its hosts. */
const answerers = Access.members(['seller'], { roles: ['owner', 'admin', 'staff'] });
const documentParams = uuidParam('id');
const OTHERS_404 = 'A document addressed to another seller is 404.';

function partyViewer(c: Context<AppEnv>): PartyViewer {
  const actor = memberActor(c);
  return actor.organizationKind === 'seller'
    ? { kind: 'seller', orgId: actor.organizationId }
    : { kind: 'cluster_operator', orgId: actor.organizationId };
}

/** One document as the caller reads it; only the seller itself may answer. */
async function documentFor(c: Context<AppEnv>, documentId: string) {
  const viewer = partyViewer(c);
  const row = await findDocumentForParty(c.var.deps.db, viewer, documentId);
  if (!row) throw notFound('document');
  const [document] = await toCaseDocuments(c.var.deps.db, [row], { partyAnswers: viewer.kind === 'seller' });
  return document as NonNullable<typeof document>;
}

/**
 * What regulators' cases address to sellers (责令改正通知书, 行政处罚告知书, 行政处罚决定书), mounted
 * at /api/notices: the seller reads and answers its own; a base operator reads those of the sellers
 * admitted to its bases. Nothing else of a case is shown here.
 */
export const noticeRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(readers, {
      method: 'get',
      path: '/',
      tags,
      summary:
        'Documents regulators addressed to the seller (or, for a base operator, to the sellers of its bases)',
      responses: { 200: jsonResponse(z.object({ documents: z.array(caseDocumentSchema) })) },
    }),
    async (c) => {
      const viewer = partyViewer(c);
      const rows = await listDocumentsForParty(c.var.deps.db, viewer);
      const documents = await toCaseDocuments(c.var.deps.db, rows, {
        partyAnswers: viewer.kind === 'seller',
      });
      return c.json({ documents }, 200);
    },
  )
  .openapi(
    defineRoute(readers, {
      method: 'get',
      path: '/{id}',
      tags,
      summary: 'One document with the answers given and whether the seller may answer now',
      description: OTHERS_404,
      request: { params: documentParams },
      responses: { 200: jsonResponse(caseDocumentSchema) },
    }),
    async (c) => c.json(await documentFor(c, c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute(Access.members(['seller']), {
      method: 'post',
      path: '/{id}/read',
      tags,
      summary: 'The read receipt: records the first member of the seller who opened the document, and when',
      description: `${OTHERS_404} Later readings keep the first receipt. Base operators reading along leave none.`,
      request: { params: documentParams },
      responses: { 200: jsonResponse(caseDocumentSchema) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await markDocumentRead(c.var.deps, actingMember(c), id);
      return c.json(await documentFor(c, id), 200);
    },
  )
  .openapi(
    defineRoute(answerers, {
      method: 'post',
      path: '/{id}/responses',
      tags,
      summary:
        'Answer a document: what was corrected (statement, changed listing, photos), or 陈述、申辩 to a 告知',
      description: `${OTHERS_404} Photos are the shop’s own uploads (\`POST /api/images\`), the listing one of its own (422 otherwise). A document that takes no answer now (one pending, accepted, a decision, the case ended) is 409 \`response_not_open\`; a hearing is asked for on a 告知 only (422).`,
      request: { params: documentParams, body: jsonBody(documentResponseBodySchema) },
      responses: { 201: jsonResponse(caseDocumentSchema, 'Answered') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await respondToDocument(c.var.deps, actingMember(c), id, c.req.valid('json'));
      return c.json(await documentFor(c, id), 201);
    },
  );
