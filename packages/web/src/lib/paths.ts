import type { Home } from '@jadelive/shared';

/** Every console URL in one place, so features link to each other without importing each other. */
export const paths = {
  root: '/',
  login: '/login',
  signup: '/signup',
  invite: (token: string) => `/invite/${encodeURIComponent(token)}`,
  home: (home: Home) => `/${home}`,
  platformAudit: '/platform/audit',
  settings: {
    root: '/settings',
    members: '/settings/members',
    invitations: '/settings/invitations',
    tokens: '/settings/tokens',
    audit: '/settings/audit',
  },
} as const;

/** Only follow `?next=` values that stay inside the console (no `//evil.example`). */
export function safeNextPath(next: string | null): string | null {
  const inside = next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\');
  return inside ? next : null;
}

/** Pages anyone can open without signing in. */
export const publicPaths = {
  catalog: '/catalog',
  listing: (listingId: string) => `/listings/${encodeURIComponent(listingId)}`,
  shop: (slug: string) => `/shops/${encodeURIComponent(slug)}`,
  verify: '/verify',
} as const;

/** Console pages of each kind of account, below its home. */
export const consolePaths = {
  seller: {
    profile: '/seller/profile',
    certificates: '/seller/certificates',
    listings: '/seller/listings',
    newListing: '/seller/listings/new',
    listing: (listingId: string) => `/seller/listings/${encodeURIComponent(listingId)}`,
    notifications: '/seller/notifications',
    bases: '/seller/bases',
    notices: '/seller/notices',
    notice: (documentId: string) => `/seller/notices/${encodeURIComponent(documentId)}`,
  },
  operator: {
    bases: '/operator/bases',
    base: (baseId: string) => `/operator/bases/${encodeURIComponent(baseId)}`,
    calendar: (baseId: string) => `/operator/bases/${encodeURIComponent(baseId)}/calendar`,
    notices: '/operator/notices',
    notice: (documentId: string) => `/operator/notices/${encodeURIComponent(documentId)}`,
  },
  lab: {
    certificates: '/lab/certificates',
    issue: '/lab/certificates/new',
    inspections: '/lab/inspections',
    inspection: (inspectionId: string) => `/lab/inspections/${encodeURIComponent(inspectionId)}`,
  },
  regulator: {
    flags: '/regulator/flags',
    live: '/regulator/flags/live',
    leads: '/regulator/leads',
    cases: '/regulator/cases',
    case: (caseId: string) => `/regulator/cases/${encodeURIComponent(caseId)}`,
    caseDocument: (caseId: string, documentId: string) =>
      `/regulator/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`,
  },
  platform: {
    certificates: '/platform/certificates',
    arbitrations: '/platform/arbitrations',
  },
} as const;

/** Live rooms: the host's studio, the public viewer room, the operator's wall, the regulator's patrol. */
export const livePaths = {
  studio: '/studio',
  studioSession: (sessionId: string) => `/studio/${encodeURIComponent(sessionId)}`,
  summary: (sessionId: string) => `/studio/${encodeURIComponent(sessionId)}/summary`,
  watchList: '/live',
  watch: (sessionId: string) => `/live/${encodeURIComponent(sessionId)}`,
  monitor: '/operator/monitor',
  observerList: '/regulator/live/sessions',
  observe: (sessionId: string) => `/regulator/live/${encodeURIComponent(sessionId)}`,
  observerSummary: (sessionId: string) => `/regulator/live/${encodeURIComponent(sessionId)}/summary`,
} as const;

/** Complaints (投诉): a buyer's own, a shop's inbox, a regulator's leads. */
export const complaintPaths = {
  buyer: '/buyer/complaints',
  buyerComplaint: (complaintId: string) => `/buyer/complaints?open=${encodeURIComponent(complaintId)}`,
  seller: '/seller/complaints',
  regulator: '/regulator/complaints',
} as const;

/** Orders and payments: a buyer's own below /buyer, a seller's below /seller. */
export const commercePaths = {
  buyerOrders: '/buyer/orders',
  buyerOrder: (orderId: string) => `/buyer/orders/${encodeURIComponent(orderId)}`,
  pay: (orderId: string) => `/buyer/orders/${encodeURIComponent(orderId)}/pay`,
  addresses: '/buyer/addresses',
  sellerOrders: '/seller/orders',
  sellerOrder: (orderId: string) => `/seller/orders/${encodeURIComponent(orderId)}`,
} as const;
