import {
  type ErrorDetails,
  type ErrorFacts,
  type ErrorReason,
  parseErrorDetails,
  type RefusedPhrase,
  type ValidationIssueDetail,
} from '@jadelive/shared';
import type { i18n as I18n, TFunction } from 'i18next';
import type { ApiError } from '../lib/api-error';
import { shanghaiDateTimeFormat } from '../lib/shanghai-time';
import { formatFenExact } from '../lib/units';

/** What a reason's wording may use besides its facts: the catalogue and the reader's formats. */
export interface Wording {
  t: TFunction;
  language: 'zh-CN' | 'en';
  /** An ISO time on the Beijing clock, in the reader's language. */
  time(iso: string): string;
  /** Fen as ¥1,234.00. */
  money(fen: number): string;
  /** A status word (`live`, `draft`, `pending` …) from the catalogue's status lists, looked up in order. */
  status(status: string | null, ...lists: StatusList[]): string;
  /** Items joined as the language lists them. */
  list(items: string[]): string;
}

type StatusList =
  | 'goods.listingStatuses'
  | 'goods.certificateStatuses'
  | 'commerce.statuses'
  | 'commerce.paymentStatuses'
  | 'bases.bookingStatuses'
  | 'bases.studioStatuses'
  | 'bases.membershipStatuses'
  | 'live.statuses'
  | 'inspection.statuses'
  | 'cases.steps'
  | 'cases.actions'
  | 'notices.statuses'
  | 'complaints.statuses';

type Describer<R extends ErrorReason> = (facts: ErrorFacts<R>, w: Wording) => string;

/**
 * Every refusal reason the API sends (`details.reason`, declared with its facts in the shared
 * ERROR_REASONS) as a sentence in the reader's language. The compiler insists on one entry per
 * reason: add a reason there, add its wording here and its text (`errors.reasons.<reason>`) in
 * both catalogues. `null`: the catalogue text says it all (no facts, or facts used as they are).
 */
export const REASON_WORDING: { [R in ErrorReason]: Describer<R> | null } = {
  too_many_requests: (f, { t }) => t('errors.reasons.too_many_requests', { seconds: f.retryAfterSeconds }),
  sign_in_throttled: (f, { t }) => t('errors.reasons.sign_in_throttled', { seconds: f.retryAfterSeconds }),
  email_taken: null,
  buyer_accounts_only: null,
  members_only: null,
  image_missing: null,
  image_empty: null,
  image_too_large: (f, { t }) =>
    t('errors.reasons.image_too_large', { size: `${Math.floor(f.maxBytes / (1024 * 1024))} MB` }),
  image_type: null,
  image_not_found: null,
  unknown_role: (f, { t }) => t('errors.reasons.unknown_role', { role: f.role }),
  own_role: null,
  owners_invite_owners: null,
  credit_code_taken: null,
  identification_unrecognised: null,
  certificate_number_taken: (f, { t }) => t('errors.reasons.certificate_number_taken', { number: f.number }),
  certificate_changed: null,
  certificate_status: (f, w) =>
    w.t('errors.reasons.certificate_status', { status: w.status(f.status, 'goods.certificateStatuses') }),
  certificate_revoked_already: null,
  holder_not_seller: null,
  lab_not_found: null,
  no_lookup_service: (f, { t }) => t('errors.reasons.no_lookup_service', { lab: f.labName }),
  lab_has_no_such_certificate: (f, { t }) =>
    t('errors.reasons.lab_has_no_such_certificate', { lab: f.labName, number: f.number }),
  lab_record_differs: (f, w) =>
    w.t('errors.reasons.lab_record_differs', {
      fields: w.list(f.mismatches.map((field) => fieldLabel(field === 'weight' ? 'weightMg' : field, w.t))),
    }),
  certificate_in_use: (f, { t }) => t('errors.reasons.certificate_in_use', { title: f.listingTitle }),
  listing_archived: null,
  listing_suspended: null,
  publish_refused: (f, w) =>
    w.t('errors.reasons.publish_refused', {
      problems: w.list(
        f.problems.map((problem) => {
          const key = `listings.refusal.codes.${problem.code}`;
          return w.t(key as 'listings.refusal.codes.NO_STOCK', {
            ...problem.facts,
            defaultValue: w.t('errors.UNPROCESSABLE'),
          });
        }),
      ),
    }),
  base_membership_required: null,
  base_operator_only: null,
  booking_in_past: null,
  booking_too_far_ahead: (f, { t }) => t('errors.reasons.booking_too_far_ahead', { days: f.maxDays }),
  studio_unavailable: (f, w) =>
    w.t('errors.reasons.studio_unavailable', { status: w.status(f.status, 'bases.studioStatuses') }),
  booking_overlap: (f, w) =>
    w.t('errors.reasons.booking_overlap', {
      slots: w.list(
        f.overlapping.map((slot) =>
          slot.bookedBy === null
            ? w.t('errors.reasons.booking_overlap_other', {
                from: w.time(slot.startsAt),
                to: w.time(slot.endsAt),
              })
            : w.t('errors.reasons.booking_overlap_own', {
                from: w.time(slot.startsAt),
                to: w.time(slot.endsAt),
                seller: slot.bookedBy,
              }),
        ),
      ),
    }),
  booking_ended: null,
  studio_has_open_bookings: (f, { t }) => t('errors.reasons.studio_has_open_bookings', { count: f.count }),
  membership_exists: (f, w) =>
    w.t('errors.reasons.membership_exists', { status: w.status(f.status, 'bases.membershipStatuses') }),
  invalid_transition: (f, w) => {
    const lists: StatusList[] = ['commerce.statuses', 'bases.bookingStatuses', 'bases.membershipStatuses'];
    return w.t('errors.reasons.invalid_transition', {
      from: w.status(f.from, ...lists),
      to: w.status(f.to, ...lists),
    });
  },
  session_status: (f, w) =>
    w.t('errors.reasons.session_status', { status: w.status(f.status, 'live.statuses') }),
  session_not_scheduled: null,
  live_unavailable: null,
  hosts_only: null,
  not_invited_on_stage: null,
  monitor_for_operators: null,
  observer_for_regulators: null,
  view_mine_not_allowed: null,
  muted: (f, w) =>
    f.until === null
      ? w.t('errors.reasons.muted_forever')
      : w.t('errors.reasons.muted', { until: w.time(f.until) }),
  removed_from_session: null,
  slow_mode: (f, { t }) => t('errors.reasons.slow_mode', { seconds: f.waitSeconds }),
  content_refused: (f, w) => {
    // One line per rule, quoting every phrase of the message it refused.
    const byRule = new Map<string, RefusedPhrase[]>();
    for (const phrase of f.phrases) byRule.set(phrase.ruleId, [...(byRule.get(phrase.ruleId) ?? []), phrase]);
    const quote = (text: string) => (w.language === 'zh-CN' ? `「${text}」` : `“${text}”`);
    return w.t('errors.reasons.content_refused', {
      phrases: w.list(
        [...byRule.values()].map((phrases) =>
          w.t('errors.reasons.content_refused_phrase', {
            phrase: [...new Set(phrases.map((phrase) => phrase.phrase))]
              .map(quote)
              .join(w.language === 'zh-CN' ? '' : ', '),
            why: phrases[0]?.message[w.language] ?? '',
          }),
        ),
      ),
    });
  },
  pin_not_in_lineup: null,
  listing_not_on_sale: null,
  hosts_not_members: null,
  cover_image_not_found: null,
  booking_not_found: null,
  lineup_duplicate: null,
  lineup_unpublished: null,
  out_of_stock: (f, { t }) => t('errors.reasons.out_of_stock', { stock: f.stock }),
  not_enough_stock: (f, { t }) => t('errors.reasons.not_enough_stock', { stock: f.stock }),
  sold_out: null,
  limit_reached: null,
  not_started: null,
  ended: null,
  closed: null,
  session_not_sellers: null,
  idempotency_key_reused: null,
  request_in_progress: null,
  order_not_payable: (f, w) =>
    w.t('errors.reasons.order_not_payable', { status: w.status(f.status, 'commerce.statuses') }),
  payment_window_closed: null,
  payment_already: (f, w) =>
    w.t('errors.reasons.payment_already', { status: w.status(f.status, 'commerce.paymentStatuses') }),
  custom_made: null,
  return_window_closed: (f, { t }) => t('errors.reasons.return_window_closed', { days: f.days }),
  no_pinned_listing: null,
  flash_price_not_lower: (f, w) =>
    w.t('errors.reasons.flash_price_not_lower', {
      bar: w.money(Math.min(f.listPriceFen, f.lowestDealPriceFen7d ?? Number.POSITIVE_INFINITY)),
    }),
  flash_sale_open: null,
  auction_open: null,
  not_available: null,
  no_deposit: null,
  too_low: (f, w) => w.t('errors.reasons.too_low', { minimum: w.money(f.minimumFen) }),
  deposit_required: (f, w) => w.t('errors.reasons.deposit_required', { deposit: w.money(f.depositFen) }),
  own_listing: null,
  already_leading: null,
  start_out_of_range: null,
  session_ended: null,
  auction_running: null,
  flash_sale_running: null,
  return_answer_overdue: (f, w) =>
    w.t('errors.reasons.return_answer_overdue', { respondBy: w.time(f.respondBy) }),
  return_step_not_open: (f, { t }) =>
    t('errors.reasons.return_step_not_open', {
      status: t(`commerce.statuses.${f.status}` as 'commerce.statuses.paid', f.status),
    }),
  shipping_address_required: null,
  shipping_address_locked: (f, w) =>
    w.t('errors.reasons.shipping_address_locked', { status: w.status(f.status, 'commerce.statuses') }),
  address_book_full: (f, { t }) => t('errors.reasons.address_book_full', { max: f.max }),
  unknown_region: (f, w) => w.t('errors.reasons.unknown_region', { field: fieldLabel(f.field, w.t) }),
  district_required: null,
  keyword_not_posted: (f, { t }) => t('errors.reasons.keyword_not_posted', { keyword: f.keyword }),
  too_early: null,
  already_drawn: null,
  not_drawn: null,
  prize_over_limit: null,
  draw_out_of_range: (f, { t }) => t('errors.reasons.draw_out_of_range', { hours: f.maxHours }),
  not_inspectable: (f, w) =>
    w.t('errors.reasons.not_inspectable', { status: w.status(f.status, 'commerce.statuses') }),
  inspection_exists: null,
  inspection_pending: null,
  no_certificate: null,
  no_inspection_lab: null,
  result_recorded: (f, w) =>
    w.t('errors.reasons.result_recorded', { status: w.status(f.status, 'inspection.statuses') }),
  case_step: (f, w) =>
    w.t('errors.reasons.case_step', {
      step: w.status(f.step, 'cases.steps'),
      action: w.status(f.action, 'cases.actions'),
    }),
  second_officer_required: null,
  lead_not_found: null,
  lead_in_case: null,
  leads_of_several_sellers: null,
  lead_without_seller: null,
  subject_of_other_seller: null,
  transfer_target: null,
  due_date_not_future: null,
  response_not_open: (f, w) =>
    w.t('errors.reasons.response_not_open', { status: w.status(f.status, 'notices.statuses') }),
  response_reviewed: null,
  hearing_not_applicable: null,
  audit_not_signed_yet: (f, { t }) =>
    t('errors.reasons.audit_not_signed_yet', { seconds: f.retryAfterSeconds }),
  complaint_status: (f, w) =>
    w.t('errors.reasons.complaint_status', { status: w.status(f.status, 'complaints.statuses') }),
  complaint_open: null,
  complaint_seller_has_time: (f, w) =>
    w.t('errors.reasons.complaint_seller_has_time', { answerBy: w.time(f.answerBy) }),
  no_regulator: (f, w) =>
    w.t('errors.reasons.no_regulator', { district: f.district ?? w.t('complaints.sellerDistrict') }),
};

/** The reader's wording helpers for one i18next instance. */
export function wordingFor(t: TFunction, i18n: I18n): Wording {
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const times = shanghaiDateTimeFormat(language);
  return {
    t,
    language,
    time: (iso) => times.format(new Date(iso)),
    money: formatFenExact,
    status: (status, ...lists) => {
      if (status === null) return '—';
      const key = lists.map((list) => `${list}.${status}`).find((candidate) => i18n.exists(candidate));
      return key ? t(key as 'live.statuses.live') : status;
    },
    list: (items) => new Intl.ListFormat(language, { type: 'conjunction' }).format(items),
  };
}

/** A refusal's sentence from its reason and facts; null when `details` names no reason we know. */
export function describeReason(details: unknown, t: TFunction, i18n: I18n): string | null {
  const parsed = parseErrorDetails(details);
  if (!parsed) return null;
  const describe = REASON_WORDING[parsed.reason] as ((facts: ErrorDetails, w: Wording) => string) | null;
  if (describe) return describe(parsed, wordingFor(t, i18n));
  return t(`errors.reasons.${parsed.reason}` as 'errors.reasons.email_taken', {
    defaultValue: t('errors.UNEXPECTED_RESPONSE'),
  });
}

/**
 * A failed call as one sentence in the reader's language: the refusal's reason and facts when the
 * server gave them, else the meaning of the error code. The server's own `message` (English, for
 * logs and API clients) is never shown.
 */
export function describeApiError(error: ApiError, t: TFunction, i18n: I18n): string {
  const reasoned = describeReason(error.details, t, i18n);
  if (reasoned) return reasoned;
  // `exists` is a type guard in i18next's typings; checking a copy keeps `key` typed as a catalogue key.
  const key = `errors.${error.code}` as const;
  const known: string = key;
  return i18n.exists(known) ? t(key) : t('errors.UNEXPECTED_RESPONSE');
}

/**
 * A validation issue as a sentence naming the field in the reader's language and what is wrong
 * with it (「证书编号只能包含字母、数字和短横线」), from zod's issue code and its facts.
 */
export function describeIssue(issue: ValidationIssueDetail, t: TFunction, i18n: I18n): string {
  const field = describeField(issue.path, t, i18n);
  const fieldName = lastField(issue.path);
  if (issue.code === 'invalid_format') {
    const pattern = `errors.patterns.${fieldName}`;
    if (issue.format === 'regex' && i18n.exists(pattern))
      return t(pattern as 'errors.patterns.number', { field });
    if (issue.format === 'email') return t('errors.issues.email', { field });
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin) {
    const small = issue.code === 'too_small';
    const bound = small ? { minimum: issue.minimum } : { maximum: issue.maximum };
    if (issue.origin === 'string' && small && issue.minimum === 1)
      return t('errors.issues.required', { field });
    if (issue.origin === 'string')
      return t(small ? 'errors.issues.tooShortString' : 'errors.issues.tooLongString', { field, ...bound });
    if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
      return t(small ? 'errors.issues.tooSmallNumber' : 'errors.issues.tooBigNumber', { field, ...bound });
    if (issue.origin === 'array' || issue.origin === 'set')
      return t(small ? 'errors.issues.tooFewItems' : 'errors.issues.tooManyItems', { field, ...bound });
  }
  if (issue.code === 'invalid_type' && issue.message.toLowerCase().includes('received undefined')) {
    return t('errors.issues.required', { field });
  }
  const key = `errors.issues.${issue.code ?? 'custom'}`;
  return i18n.exists(key)
    ? t(key as 'errors.issues.custom', { field })
    : t('errors.issues.custom', { field });
}

/** A validation issue's path (`permissions.0`, `lineup.2.listingId`) as the label of its form field. */
export function describeField(path: string, t: TFunction, i18n: I18n): string {
  const field = lastField(path);
  // The path comes from the server at runtime, so the key is checked with `exists` rather than by type.
  return field && i18n.exists(`fields.${field}`) ? fieldLabel(field, t) : field || path;
}

/** The innermost named segment of a path: `lineup.2.listingId` → `listingId`, `permissions.0` → `permissions`. */
function lastField(path: string): string {
  return (
    path
      .split('.')
      .filter((segment) => segment !== '' && !/^\d+$/.test(segment))
      .at(-1) ?? ''
  );
}

function fieldLabel(field: string, t: TFunction): string {
  return t(`fields.${field}` as 'fields.email', { defaultValue: field });
}
