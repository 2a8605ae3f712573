import {
  type CaseDocument,
  type CaseDocumentKind,
  type CaseStep,
  caseDocumentStatus,
  type DocumentResponse,
  partyMayRespond,
  type ResponseReview,
} from '@jadelive/shared';
import type { Database } from '../../db/database';
import { iso, isoOrNull } from '../../lib/serialize';
import { type DocumentRow, listResponses, type ResponseRow } from './repository';

function toResponse(row: ResponseRow): DocumentResponse {
  return {
    id: row.id,
    statement: row.statement,
    listing: row.listingId && row.listingTitle ? { id: row.listingId, title: row.listingTitle } : null,
    imageIds: row.imageIds,
    hearingRequested: row.hearingRequested,
    respondedAt: iso(row.respondedAt),
    respondedBy: row.respondedByName,
    review: row.review as ResponseReview | null,
    reviewReason: row.reviewReason,
    reviewedAt: isoOrNull(row.reviewedAt),
  };
}

/**
 * Documents as their readers see them, each with its answers. `mayRespond` is the party's right to
 * answer now; an operator reading along never may.
 */
export async function toCaseDocuments(
  db: Database,
  rows: DocumentRow[],
  options: { partyAnswers: boolean },
): Promise<CaseDocument[]> {
  const responses = await listResponses(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const own = responses.filter((response) => response.documentId === row.id).map(toResponse);
    const kind = row.kind as CaseDocumentKind;
    return {
      id: row.id,
      caseId: row.caseId,
      kind,
      number: row.number,
      issuer: { id: row.issuingOrgId, name: row.issuerName },
      party: { id: row.sellerOrgId, name: row.partyName },
      facts: row.facts,
      legalBasis: row.legalBasis,
      items: row.items,
      penalty: row.penalty,
      fineFen: row.fineFen,
      dueOn: row.dueOn,
      issuedAt: iso(row.issuedAt),
      issuedBy: row.issuedByName,
      firstRead:
        row.firstReadAt && row.firstReadByName ? { at: iso(row.firstReadAt), by: row.firstReadByName } : null,
      status: caseDocumentStatus(own),
      responses: own,
      mayRespond: options.partyAnswers && partyMayRespond(kind, row.caseStep as CaseStep, own),
    };
  });
}
