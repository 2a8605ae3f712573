import { z } from 'zod';

/**
 * The fixed list of error codes the API answers with, and the HTTP status each maps to.
 * Clients switch on `code`; `message` is for people and may change.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    requestId: z.string(),
    details: z.unknown().optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

const when = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
const none = z.object({});
/** A status word the console translates where it can (`draft`, `live`, `pending` …). */
const status = z.string();

/** One claim the content rules refused: the phrase as written and the rule's own wording. */
export const refusedPhraseSchema = z.object({
  phrase: z.string(),
  ruleId: z.string(),
  category: z.string(),
  message: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export type RefusedPhrase = z.infer<typeof refusedPhraseSchema>;

/** One field-level problem of a VALIDATION_FAILED answer, with zod's facts the console words. */
export const validationIssueSchema = z.object({
  path: z.string(),
  code: z.string().optional(),
  message: z.string(),
  /** `invalid_format`: which format (`regex`, `email`, `uuid` …). */
  format: z.string().optional(),
  /** `too_small` / `too_big`: what was measured (`string`, `number`, `array`) and the bound. */
  origin: z.string().optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});
export type ValidationIssueDetail = z.infer<typeof validationIssueSchema>;

/**
 * Why a request was refused, as `details.reason` plus the facts the console needs to say so in
 * the reader's language (which listing, until when, how many seconds …). Keyed by reason; add an
 * entry here and its wording in the web's `describe-error.ts` (the compiler asks for it).
 * Reasons are shared across features, so their names say what happened, not where.
 */
export const ERROR_REASONS = {
  // Access and sessions
  too_many_requests: z.object({ retryAfterSeconds: count }),
  sign_in_throttled: z.object({ retryAfterSeconds: count }),
  email_taken: none,
  buyer_accounts_only: none,
  members_only: none,
  // Images
  image_missing: none,
  image_empty: none,
  image_too_large: z.object({ maxBytes: count }),
  image_type: none,
  image_not_found: none,
  // Organisation
  unknown_role: z.object({ role: z.string() }),
  own_role: none,
  owners_invite_owners: none,
  credit_code_taken: none,
  // Certificates
  identification_unrecognised: none,
  certificate_number_taken: z.object({ number: z.string() }),
  certificate_changed: none,
  certificate_status: z.object({ status }),
  certificate_revoked_already: none,
  holder_not_seller: none,
  lab_not_found: none,
  no_lookup_service: z.object({ labName: z.string() }),
  lab_has_no_such_certificate: z.object({ labName: z.string(), number: z.string() }),
  lab_record_differs: z.object({ mismatches: z.array(z.string()) }),
  // Listings
  certificate_in_use: z.object({ listingId: z.string(), listingTitle: z.string() }),
  listing_archived: none,
  listing_suspended: none,
  publish_refused: z.object({
    problems: z.array(
      z.object({
        code: z.string(),
        field: z.string(),
        message: z.string(),
        /** What the console needs to word the problem (CERTIFICATE_IN_USE: listingId, listingTitle). */
        facts: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    ),
  }),
  // Bases, studios and bookings
  base_membership_required: none,
  base_operator_only: none,
  booking_in_past: none,
  booking_too_far_ahead: z.object({ maxDays: count }),
  studio_unavailable: z.object({ status }),
  booking_overlap: z.object({
    overlapping: z.array(z.object({ startsAt: when, endsAt: when, bookedBy: z.string().nullable() })),
  }),
  booking_ended: none,
  studio_has_open_bookings: z.object({ count }),
  membership_exists: z.object({ status }),
  invalid_transition: z.object({ from: status, to: status }),
  // Live sessions and chat
  session_status: z.object({ status }),
  session_not_scheduled: none,
  live_unavailable: none,
  hosts_only: none,
  not_invited_on_stage: none,
  monitor_for_operators: none,
  observer_for_regulators: none,
  view_mine_not_allowed: none,
  muted: z.object({ until: when.nullable() }),
  removed_from_session: none,
  slow_mode: z.object({ waitSeconds: count, retryAfterSeconds: count }),
  content_refused: z.object({ phrases: z.array(refusedPhraseSchema) }),
  pin_not_in_lineup: none,
  listing_not_on_sale: z.object({ status: status.nullable() }),
  hosts_not_members: none,
  cover_image_not_found: none,
  booking_not_found: none,
  lineup_duplicate: none,
  lineup_unpublished: none,
  // Commerce
  out_of_stock: z.object({ stock: count }),
  auction_running: none,
  flash_sale_running: none,
  not_enough_stock: z.object({ stock: count }),
  sold_out: none,
  limit_reached: none,
  not_started: none,
  ended: none,
  closed: none,
  session_not_sellers: none,
  idempotency_key_reused: none,
  request_in_progress: none,
  order_not_payable: z.object({ status }),
  payment_window_closed: none,
  payment_already: z.object({ status }),
  custom_made: none,
  return_window_closed: z.object({ days: count }),
  no_pinned_listing: none,
  flash_price_not_lower: z.object({ listPriceFen: count, lowestDealPriceFen7d: count.nullable() }),
  flash_sale_open: none,
  auction_open: none,
  not_available: none,
  no_deposit: none,
  too_low: z.object({ minimumFen: count }),
  deposit_required: z.object({ depositFen: count }),
  own_listing: none,
  already_leading: none,
  start_out_of_range: none,
  session_ended: none,
  // Returns
  return_answer_overdue: z.object({ respondBy: when }),
  return_step_not_open: z.object({ status }),
  // Addresses and shipping
  shipping_address_required: none,
  shipping_address_locked: z.object({ status }),
  address_book_full: z.object({ max: count }),
  unknown_region: z.object({
    field: z.enum(['provinceCode', 'cityCode', 'districtCode']),
    code: z.string().nullable(),
  }),
  district_required: none,
  // Giveaways
  keyword_not_posted: z.object({ keyword: z.string() }),
  too_early: none,
  already_drawn: none,
  not_drawn: none,
  prize_over_limit: none,
  draw_out_of_range: z.object({ maxHours: count }),
  // Inspections
  not_inspectable: z.object({ status }),
  inspection_exists: none,
  inspection_pending: none,
  no_certificate: none,
  no_inspection_lab: none,
  result_recorded: z.object({ status }),
  // Complaints
  complaint_status: z.object({ status }),
  complaint_open: z.object({ complaintId: z.string().nullable() }),
  complaint_seller_has_time: z.object({ answerBy: when }),
  no_regulator: z.object({ district: z.string().nullable() }),
  // Cases and the documents they address to sellers
  case_step: z.object({ step: status, action: z.string() }),
  second_officer_required: none,
  lead_not_found: z.object({ kind: z.string(), id: z.string() }),
  lead_in_case: z.object({ caseId: z.string().nullable() }),
  leads_of_several_sellers: none,
  lead_without_seller: none,
  subject_of_other_seller: none,
  transfer_target: none,
  due_date_not_future: z.object({ today: z.iso.date() }),
  response_not_open: z.object({ status }),
  response_reviewed: none,
  hearing_not_applicable: none,
  // Evidence packages
  audit_not_signed_yet: z.object({ retryAfterSeconds: count }),
} satisfies Record<string, z.ZodObject>;

export type ErrorReason = keyof typeof ERROR_REASONS;
export const ERROR_REASON_NAMES = Object.keys(ERROR_REASONS) as [ErrorReason, ...ErrorReason[]];
/** The facts a refusal of reason `R` carries beside `reason`. */
export type ErrorFacts<R extends ErrorReason> = z.infer<(typeof ERROR_REASONS)[R]>;
/** `details` of a refusal: its reason and its facts in one object. */
export type ErrorDetails<R extends ErrorReason = ErrorReason> = { reason: R } & ErrorFacts<R>;

/** A refusal's reason and facts when `details` names a known reason and carries its facts; else null. */
export function parseErrorDetails(details: unknown): ErrorDetails | null {
  if (typeof details !== 'object' || details === null) return null;
  const reason = (details as { reason?: unknown }).reason;
  if (typeof reason !== 'string' || !Object.hasOwn(ERROR_REASONS, reason)) return null;
  const parsed = ERROR_REASONS[reason as ErrorReason].safeParse(details);
  return parsed.success ? ({ ...parsed.data, reason } as ErrorDetails) : null;
}
