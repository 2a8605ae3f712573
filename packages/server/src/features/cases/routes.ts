import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addCaseSubjectBodySchema,
  caseDetailSchema,
  caseNoteBodySchema,
  caseStepBodySchema,
  caseSummarySchema,
  casesQuerySchema,
  issueNoticeBodySchema,
  openCaseBodySchema,
  reviewResponseBodySchema,
  transferCaseBodySchema,
} from '@jadelive/shared';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, uuidParam } from '../../http/route';
import { actingMember, officers } from './officer';
import { addCaseNote, addCaseSubject, openCase } from './open-case';
import { findCaseForRegulator, listCasesForRegulator } from './repository';
import { toCaseDetail, toCaseSummary } from './serialize';
import { issueRectificationNotice, reviewDocumentResponse, takeCaseStep } from './service';
import { transferCase } from './transfer-case';

const tags = ['cases'];
const OTHERS_404 = 'A case of another regulator (another district, or one transferred away) is 404.';
const detail = { 200: jsonResponse(caseDetailSchema) };
const caseParams = uuidParam('id');

/** The case as the caller's regulator holds it, for the caller's page. */
async function caseDetailFor(c: Context<AppEnv>, caseId: string) {
  const officer = actingMember(c);
  const row = await findCaseForRegulator(c.var.deps.db, officer.orgId, caseId);
  if (!row) throw notFound('case');
  return toCaseDetail(c.var.deps.db, row, officer.userId);
}

const caseStep = <Path extends string, Body extends z.ZodType>(
  path: Path,
  summary: string,
  body: Body,
  description: string,
) =>
  defineRoute(officers, {
    method: 'post',
    path,
    tags,
    summary,
    description: `${OTHERS_404} ${description}`,
    request: { params: caseParams, body: jsonBody(body) },
    responses: detail,
  });

/** Regulators' cases, mounted at /api/cases (after the lead routes). */
export const caseRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(officers, {
      method: 'get',
      path: '/',
      tags,
      summary: 'The regulator’s cases, most recently changed first, with their statutory clocks',
      request: { query: casesQuerySchema },
      responses: { 200: jsonResponse(z.object({ cases: z.array(caseSummarySchema) })) },
    }),
    async (c) => {
      const rows = await listCasesForRegulator(
        c.var.deps.db,
        actingMember(c).orgId,
        c.req.valid('query').state,
      );
      const now = new Date();
      return c.json({ cases: rows.map((row) => toCaseSummary(row, now)) }, 200);
    },
  )
  .openapi(
    defineRoute(officers, {
      method: 'post',
      path: '/',
      tags,
      summary: 'Open a case (核查) from leads of one seller: flags, complaints, observations',
      description:
        'Leads must be the regulator’s to use (flags of its district, its own observations): otherwise 422 `lead_not_found`. A lead already part of a case is 409 `lead_in_case`; leads of several sellers 422.',
      request: { body: jsonBody(openCaseBodySchema) },
      responses: { 201: jsonResponse(caseDetailSchema, 'Opened') },
    }),
    async (c) => {
      const { id } = await openCase(c.var.deps, actingMember(c), c.req.valid('json'));
      return c.json(await caseDetailFor(c, id), 201);
    },
  )
  .openapi(
    defineRoute(officers, {
      method: 'get',
      path: '/{id}',
      tags,
      summary:
        'A case: steps, clocks, leads and subjects, documents with the party’s answers, the actions open to the caller',
      description: OTHERS_404,
      request: { params: caseParams },
      responses: detail,
    }),
    async (c) => c.json(await caseDetailFor(c, c.req.valid('param').id), 200),
  )
  .openapi(
    caseStep(
      '/{id}/steps',
      'Take a step of the case, with the reason: 立案 request and approval, 调查取证, 告知, 处罚决定, 送达, 公示, 结案, 不予立案/销案',
      caseStepBodySchema,
      'A step the case is not at is 409 `case_step`. Filing is approved or refused by an officer other than the one who asked for it (403 `second_officer_required`). 告知 and 处罚决定 issue their document to the seller.',
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      await takeCaseStep(c.var.deps, actingMember(c), id, c.req.valid('json'));
      return c.json(await caseDetailFor(c, id), 200);
    },
  )
  .openapi(
    caseStep(
      '/{id}/notices',
      'Issue a rectification notice (责令改正通知书) to the seller: facts, legal basis, items to correct, deadline',
      issueNoticeBodySchema,
      'Only while investigating or with notices out (409 otherwise). The deadline is a Beijing day after today (422). The seller is notified in its console.',
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      await issueRectificationNotice(c.var.deps, actingMember(c), id, c.req.valid('json'));
      return c.json(await caseDetailFor(c, id), 200);
    },
  )
  .openapi(
    defineRoute(officers, {
      method: 'post',
      path: '/{id}/documents/{documentId}/responses/{responseId}/review',
      tags,
      summary:
        'Accept the seller’s correction, or reject it with what is still wrong (the seller may answer again)',
      description: `${OTHERS_404} Only a pending answer to a rectification notice (409 \`response_reviewed\` otherwise).`,
      request: {
        params: caseParams.extend(uuidParam('documentId').shape).extend(uuidParam('responseId').shape),
        body: jsonBody(reviewResponseBodySchema),
      },
      responses: detail,
    }),
    async (c) => {
      const { id, documentId, responseId } = c.req.valid('param');
      await reviewDocumentResponse(
        c.var.deps,
        actingMember(c),
        { caseId: id, documentId, responseId },
        c.req.valid('json'),
      );
      return c.json(await caseDetailFor(c, id), 200);
    },
  )
  .openapi(
    defineRoute(officers, {
      method: 'post',
      path: '/{id}/transfer',
      tags,
      summary: 'Transfer (移送) the case to another district’s regulator, with the reason',
      description: `${OTHERS_404} The case moves: the caller’s regulator no longer sees it. Not while filing awaits approval, nor after a decision (409).`,
      request: { params: caseParams, body: jsonBody(transferCaseBodySchema) },
      responses: { 200: jsonResponse(z.object({ id: z.uuid(), regulatorId: z.uuid() })) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      await transferCase(c.var.deps, actingMember(c), id, body);
      return c.json({ id, regulatorId: body.toRegulatorId }, 200);
    },
  )
  .openapi(
    caseStep(
      '/{id}/subjects',
      'Point the case at one more lead, listing, live session or order of its seller',
      addCaseSubjectBodySchema,
      'Only an open case (409). Something of another seller is 422; a lead part of another case 409.',
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      await addCaseSubject(c.var.deps, actingMember(c), id, c.req.valid('json'));
      return c.json(await caseDetailFor(c, id), 200);
    },
  )
  .openapi(
    caseStep(
      '/{id}/notes',
      'Add an internal note to the case record (never shown to the seller)',
      caseNoteBodySchema,
      '',
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      await addCaseNote(c.var.deps, actingMember(c), id, c.req.valid('json').text);
      return c.json(await caseDetailFor(c, id), 200);
    },
  );
