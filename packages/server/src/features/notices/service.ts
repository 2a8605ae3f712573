import {
  type CaseDocumentKind,
  type CaseStep,
  caseDocumentStatus,
  type DocumentResponseBody,
  documentNumber,
  partyMayRespond,
} from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import { because, conflict, notFound, unprocessable } from '../../http/errors';
import { recordAudit } from '../audit/repository';
import { nothingToAudit } from '../audit/request-context';
import { insertCaseEvent, lockCase, nextDocumentSequence, type Tx } from '../cases/repository';
import { requireOwnImages } from '../images/repository';
import { findOwnListing } from '../listings/repository';
import { insertNotifications } from '../notifications/repository';
import {
  findDocumentForParty,
  insertDocument,
  insertResponse,
  lockResponses,
  markFirstRead,
} from './repository';

type Deps = Pick<AppDeps, 'db'>;

/** Who acts, for the case record and the audit log: a person of an organisation, in a request. */
export interface Acting {
  userId: string;
  orgId: string;
  requestId: string;
  ip: string;
}

export interface DocumentContent {
  kind: CaseDocumentKind;
  facts: string;
  legalBasis: string[];
  items?: string[];
  penalty?: string | null;
  fineFen?: number | null;
  dueOn?: string | null;
}

/**
 * Issues a document of a case to its party: numbered in the regulator's series for the Beijing
 * year, and announced in the seller's console notifications.
 */
export async function issueDocument(
  trx: Tx,
  officer: Acting,
  target: { caseId: string; sellerOrgId: string; regulatorName: string; year: number },
  content: DocumentContent,
) {
  const sequence = await nextDocumentSequence(trx, officer.orgId, content.kind, target.year);
  const number = documentNumber(target.regulatorName, content.kind, target.year, sequence);
  const document = await insertDocument(trx, {
    caseId: target.caseId,
    kind: content.kind,
    number,
    issuingOrgId: officer.orgId,
    sellerOrgId: target.sellerOrgId,
    facts: content.facts,
    legalBasis: content.legalBasis,
    items: content.items ?? [],
    penalty: content.penalty ?? null,
    fineFen: content.fineFen ?? null,
    dueOn: content.dueOn ?? null,
    issuedBy: officer.userId,
  });
  await insertNotifications(trx, [
    {
      orgId: target.sellerOrgId,
      kind: 'case_document',
      message: `${target.regulatorName} 向你发出 ${number}`,
      subjectType: 'case_document',
      subjectId: document.id,
      details: {
        documentKind: content.kind,
        number,
        regulator: target.regulatorName,
        dueOn: content.dueOn ?? null,
      },
    },
  ]);
  return document;
}

/**
 * The read receipt: the first time a member of the party opens a document, who and when is kept
 * and written into the case's record. Later readings change nothing.
 */
export async function markDocumentRead(deps: Deps, reader: Acting, documentId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const document = await findDocumentForParty(trx, { kind: 'seller', orgId: reader.orgId }, documentId);
    if (!document) throw notFound('document');
    const first = await markFirstRead(trx, documentId, reader.userId);
    if (!first) return nothingToAudit('the document was read before: the first receipt stays');
    await insertCaseEvent(trx, {
      caseId: document.caseId,
      kind: 'document_read',
      actorUserId: reader.userId,
      actorOrgId: reader.orgId,
      details: { documentId, number: document.number },
    });
    await recordAudit(trx, {
      actorUserId: reader.userId,
      organizationId: reader.orgId,
      action: 'case_document.read',
      targetType: 'case_document',
      targetId: documentId,
      details: { number: document.number },
      requestId: reader.requestId,
      ip: reader.ip,
    });
  });
}

/** The party answers a document it may answer now (see `partyMayRespond`); the officers are told. */
export async function respondToDocument(
  deps: Deps,
  party: Acting,
  documentId: string,
  body: DocumentResponseBody,
) {
  return deps.db.transaction().execute(async (trx) => {
    const document = await findDocumentForParty(trx, { kind: 'seller', orgId: party.orgId }, documentId);
    if (!document) throw notFound('document');
    // The case's step decides whether a 告知 may still be answered: hold it still meanwhile.
    const held = await lockCase(trx, document.caseId);
    const responses = await lockResponses(trx, documentId);
    const kind = document.kind as CaseDocumentKind;
    if (!partyMayRespond(kind, held.step as CaseStep, responses)) {
      throw conflict(
        'this document takes no answer now',
        because('response_not_open', { status: caseDocumentStatus(responses) }),
      );
    }
    if (body.hearingRequested && kind !== 'penalty_notice') {
      throw unprocessable('a hearing is asked for on a 告知 only', because('hearing_not_applicable'));
    }
    await requireOwnImages(trx, party.orgId, body.imageIds, 'imageIds');
    if (body.listingId) {
      const listing = await findOwnListing(trx, party.orgId, body.listingId);
      if (!listing)
        throw unprocessable('listingId: not a listing of your shop', because('subject_of_other_seller'));
    }
    const response = await insertResponse(trx, {
      documentId,
      statement: body.statement,
      listingId: body.listingId ?? null,
      imageIds: body.imageIds,
      hearingRequested: body.hearingRequested,
      respondedBy: party.userId,
    });
    const details = {
      documentId,
      responseId: response.id,
      number: document.number,
      listingId: body.listingId ?? null,
      photos: body.imageIds.length,
      hearingRequested: body.hearingRequested,
    };
    await insertCaseEvent(trx, {
      caseId: document.caseId,
      kind: 'response_submitted',
      actorUserId: party.userId,
      actorOrgId: party.orgId,
      reason: body.statement,
      details,
    });
    await recordAudit(trx, {
      actorUserId: party.userId,
      organizationId: party.orgId,
      action: 'case_document.responded',
      targetType: 'case_document',
      targetId: documentId,
      details,
      requestId: party.requestId,
      ip: party.ip,
    });
    await insertNotifications(trx, [
      {
        orgId: held.regulatorOrgId,
        kind: 'case_document_response',
        message: `${document.partyName} 回复了 ${document.number}`,
        subjectType: 'case',
        subjectId: document.caseId,
        details: { number: document.number, party: document.partyName },
      },
    ]);
    return response;
  });
}
