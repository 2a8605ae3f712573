import type { CaseDetail } from '@jadelive/shared';
import type { AppDeps } from '../../deps';
import type { CaseRow } from '../cases/repository';
import { toCaseDetail } from '../cases/serialize';
import { caseSubjectIds } from '../cases/subjects-repository';
import { type FlagContext, flagContext } from './flag-context';
import * as sources from './sources-repository';

export interface StoredImage {
  id: string;
  mimeType: string;
  bytes: Uint8Array | null;
}

/** Everything read for one package, at one moment. */
export interface CaseEvidence {
  caseRow: CaseRow;
  detail: CaseDetail;
  flags: { row: sources.FlagRow; context: FlagContext }[];
  observations: sources.ObservationRow[];
  complaints: sources.ComplaintRow[];
  listings: sources.ListingRow[];
  listingChanges: sources.ListingChangeRow[];
  prices: sources.PriceEventRow[];
  sessions: sources.SessionRow[];
  certificates: sources.CertificateRow[];
  certificateEvents: sources.CertificateEventRow[];
  orders: sources.OrderRow[];
  images: Map<string, StoredImage>;
  auditEntryIds: number[];
}

const unique = (values: readonly (string | null | undefined)[]) => [
  ...new Set(values.filter((value): value is string => typeof value === 'string')),
];

/**
 * Reads what a case points at and what that leads to: its flags with what was said around them,
 * observations and complaints with their pictures, the listings (and their recorded changes and
 * prices), live sessions, certificates, orders, and the ids of the audit entries behind them.
 */
export async function gatherCaseEvidence(
  deps: Pick<AppDeps, 'db' | 'images'>,
  caseRow: CaseRow,
  officerUserId: string,
): Promise<CaseEvidence> {
  const { db } = deps;
  const [detail, ids] = await Promise.all([
    toCaseDetail(db, caseRow, officerUserId),
    caseSubjectIds(db, caseRow.id),
  ]);
  const [flagRows, observations, complaints] = await Promise.all([
    sources.loadFlags(db, ids.flag),
    sources.loadObservations(db, ids.observation),
    sources.loadComplaints(db, ids.complaint),
  ]);
  const leads = [...flagRows, ...observations, ...complaints];
  const listingIds = unique([...ids.listing, ...leads.map((lead) => lead.listingId)]);
  const sessionIds = unique([...ids.session, ...leads.map((lead) => lead.sessionId)]);
  const orderIds = unique([...ids.order, ...complaints.map((complaint) => complaint.orderId)]);

  const flags = await Promise.all(
    flagRows.map(async (row) => {
      const [chat, captions] = row.sessionId
        ? await Promise.all([
            sources.chatAround(db, row.sessionId, caseRow.sellerOrgId, row.saidAt),
            sources.captionsAround(db, row.sessionId, row.saidAt),
          ])
        : [[], []];
      return { row, context: flagContext(row, chat, captions) };
    }),
  );
  const [listings, listingChanges, prices, sessions, orders] = await Promise.all([
    sources.loadListings(db, listingIds),
    sources.listingChanges(db, listingIds),
    sources.priceHistory(db, listingIds),
    sources.loadSessions(db, sessionIds),
    sources.loadOrders(db, caseRow.sellerOrgId, { orderIds, listingIds, sessionIds }),
  ]);
  const certificateIds = unique(listings.map((listing) => listing.certificateId));
  const [certificates, certificateEvents] = await Promise.all([
    sources.loadCertificates(db, certificateIds),
    sources.certificateHistory(db, certificateIds),
  ]);
  const imageIds = unique([
    ...observations.flatMap((observation) => observation.imageIds),
    ...complaints.flatMap((complaint) => complaint.photoIds),
  ]);
  const imageRows = await sources.loadImages(db, imageIds);
  const images = new Map<string, StoredImage>();
  for (const image of imageRows) {
    images.set(image.id, {
      id: image.id,
      mimeType: image.mimeType,
      bytes: await deps.images.get(image.contentHash),
    });
  }
  const auditEntryIds = await sources.referencedAuditEntryIds(db, {
    caseId: caseRow.id,
    byType: {
      case_document: detail.documents.map((document) => document.id),
      case_observation: ids.observation,
      compliance_flag: ids.flag,
      complaint: ids.complaint,
      listing: listingIds,
      certificate: certificateIds,
      order: orders.map((order) => order.id),
      live_session: sessionIds,
    },
  });
  return {
    caseRow,
    detail,
    flags,
    observations,
    complaints,
    listings,
    listingChanges,
    prices,
    sessions,
    certificates,
    certificateEvents,
    orders,
    images,
    auditEntryIds,
  };
}
