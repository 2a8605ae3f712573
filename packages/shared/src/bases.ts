import { z } from 'zod';
import { PLATFORM_TIME_ZONE } from './time';

// Livestream bases (直播基地) run by cluster operators, their studios (直播间), the sellers
// admitted to them, and studio bookings.

export const BASE_KINDS = ['trade_centre', 'processing', 'cultural_creative', 'origin'] as const;
export const baseKindSchema = z.enum(BASE_KINDS);
export type BaseKind = z.infer<typeof baseKindSchema>;

export const STUDIO_STATUSES = ['available', 'maintenance', 'retired'] as const;
export const studioStatusSchema = z.enum(STUDIO_STATUSES);
export type StudioStatus = z.infer<typeof studioStatusSchema>;

export const MEMBERSHIP_STATUSES = ['applied', 'admitted', 'rejected', 'suspended', 'removed'] as const;
export const membershipStatusSchema = z.enum(MEMBERSHIP_STATUSES);
export type MembershipStatus = z.infer<typeof membershipStatusSchema>;

/** What an operator may decide about a membership, from each status. */
export const MEMBERSHIP_DECISIONS = {
  applied: ['admitted', 'rejected'],
  admitted: ['suspended', 'removed'],
  suspended: ['admitted', 'removed'],
  rejected: [],
  removed: [],
} as const satisfies Record<MembershipStatus, readonly MembershipStatus[]>;

/** A seller may apply (again) when it has no membership or was rejected or removed. */
export const REAPPLY_FROM = ['rejected', 'removed'] as const satisfies readonly MembershipStatus[];

export const membershipDecisionSchema = z.enum(['admitted', 'rejected', 'suspended', 'removed']);
export type MembershipDecision = z.infer<typeof membershipDecisionSchema>;

/** The statuses from which an operator's decision `to` is allowed. */
export function membershipSourcesFor(to: MembershipDecision): MembershipStatus[] {
  return MEMBERSHIP_STATUSES.filter((from) =>
    (MEMBERSHIP_DECISIONS[from] as readonly MembershipStatus[]).includes(to),
  );
}

export const BOOKING_STATUSES = ['requested', 'approved', 'rejected', 'cancelled'] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/** Booking changes: operators approve or reject requests; either side cancels a live booking. */
export const BOOKING_TRANSITIONS = {
  requested: ['approved', 'rejected', 'cancelled'],
  approved: ['cancelled'],
  rejected: [],
  cancelled: [],
} as const satisfies Record<BookingStatus, readonly BookingStatus[]>;

export const bookingChangeSchema = z.enum(['approved', 'rejected', 'cancelled']);
export type BookingChange = z.infer<typeof bookingChangeSchema>;

/** The statuses from which a booking may change to `to`. */
export function bookingSourcesFor(to: BookingChange): BookingStatus[] {
  return BOOKING_STATUSES.filter((from) =>
    (BOOKING_TRANSITIONS[from] as readonly BookingStatus[]).includes(to),
  );
}

export const BOOKING_MIN_MINUTES = 15;
export const BOOKING_MAX_HOURS = 12;
/** How far ahead a studio can be booked. */
export const BOOKING_MAX_DAYS_AHEAD = 180;
/** Calendar weeks run Monday 00:00 to Monday 00:00 in this zone: the platform's own. */
export const BOOKING_TIME_ZONE = PLATFORM_TIME_ZONE;

const isoDateTime = z.iso.datetime({ offset: true });

/** Offsets in use on Earth run from -12:00 to +14:00; PostgreSQL refuses much beyond that. */
function hasRealOffset(value: string): boolean {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(value);
  if (!match) return true;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return minutes <= (match[1] === '+' ? 14 : 12) * 60;
}
const inputDateTime = isoDateTime.refine(hasRealOffset, 'the offset must lie between -12:00 and +14:00');

// PostgreSQL text cannot hold NUL characters: refuse them as bad input rather than fail on insert.
const withoutNul = (value: string) => !value.includes('\u0000');
const text = (max: number) =>
  z.string().trim().min(1).max(max).refine(withoutNul, 'must not contain NUL characters');
const note = z.string().trim().max(500).refine(withoutNul, 'must not contain NUL characters');

const namedRefSchema = z.object({ id: z.uuid(), name: z.string() });
export type NamedRef = z.infer<typeof namedRefSchema>;

// ---- bases and studios ------------------------------------------------------------------------

export const studioSchema = z.object({
  id: z.uuid(),
  baseId: z.uuid(),
  name: z.string(),
  capacity: z.number().int(),
  equipment: z.array(z.string()),
  status: studioStatusSchema,
  createdAt: isoDateTime,
});
export type Studio = z.infer<typeof studioSchema>;

export const baseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.string(),
  district: z.string(),
  kind: baseKindSchema,
  /** The cluster operator organisation that runs the base. */
  cluster: namedRefSchema.extend({ slug: z.string() }),
  /** The lab that inspects goods sold by this base's sellers before shipping (就地检验), if named. */
  inspectionLab: namedRefSchema.nullable(),
  createdAt: isoDateTime,
  admittedSellerCount: z.number().int(),
  studios: z.array(studioSchema),
});
export type Base = z.infer<typeof baseSchema>;

export const baseDetailSchema = baseSchema.extend({ admittedSellers: z.array(namedRefSchema) });
export type BaseDetail = z.infer<typeof baseDetailSchema>;

export const operatedBaseSchema = baseSchema.extend({ pendingApplicationCount: z.number().int() });
export type OperatedBase = z.infer<typeof operatedBaseSchema>;

export const baseListQuerySchema = z.strictObject({
  kind: baseKindSchema.optional(),
  district: text(40).optional(),
});

export const createBaseBodySchema = z.strictObject({
  name: text(100),
  address: text(200),
  district: text(40),
  kind: baseKindSchema,
});
export type CreateBaseBody = z.infer<typeof createBaseBodySchema>;

const atLeastOneField = (body: object) => Object.keys(body).length > 0;

export const updateBaseBodySchema = createBaseBodySchema
  .partial()
  .refine(atLeastOneField, { message: 'send at least one field to change' });
export type UpdateBaseBody = z.infer<typeof updateBaseBodySchema>;

const studioFields = {
  name: text(60),
  capacity: z.number().int().min(1).max(500),
  equipment: z.array(text(60)).max(30),
  status: studioStatusSchema,
};

export const createStudioBodySchema = z.strictObject({
  ...studioFields,
  equipment: studioFields.equipment.default([]),
  status: studioFields.status.default('available'),
});
export type CreateStudioBody = z.infer<typeof createStudioBodySchema>;

export const updateStudioBodySchema = z
  .strictObject(studioFields)
  .partial()
  .refine(atLeastOneField, { message: 'send at least one field to change' });
export type UpdateStudioBody = z.infer<typeof updateStudioBodySchema>;

// ---- memberships ------------------------------------------------------------------------------

export const membershipSchema = z.object({
  base: namedRefSchema,
  seller: namedRefSchema,
  status: membershipStatusSchema,
  /** The latest word on the membership: the seller's when applying, the operator's when deciding. */
  note: z.string().nullable(),
  appliedAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const applyToBaseBodySchema = z.strictObject({ note: note.optional() });

export const membershipDecisionBodySchema = z.strictObject({
  status: membershipDecisionSchema,
  note: note.optional(),
});

export const membershipListQuerySchema = z.strictObject({ status: membershipStatusSchema.optional() });

export const membershipDecisionResultSchema = z.object({
  membership: membershipSchema,
  /** Future bookings of the seller on this base cancelled by a suspension or removal. */
  cancelledBookings: z.number().int(),
});

// ---- bookings ---------------------------------------------------------------------------------

export const createBookingBodySchema = z
  .strictObject({
    startsAt: inputDateTime.describe('ISO 8601 with offset, e.g. 2026-12-07T19:30:00+08:00'),
    endsAt: inputDateTime,
    purpose: note.max(200).optional(),
  })
  .superRefine((body, ctx) => {
    const minutes = (Date.parse(body.endsAt) - Date.parse(body.startsAt)) / 60_000;
    if (!(minutes > 0)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    } else if (minutes < BOOKING_MIN_MINUTES || minutes > BOOKING_MAX_HOURS * 60) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsAt'],
        message: `a booking lasts ${BOOKING_MIN_MINUTES} minutes to ${BOOKING_MAX_HOURS} hours`,
      });
    }
  });
export type CreateBookingBody = z.infer<typeof createBookingBodySchema>;

export const bookingChangeBodySchema = z.strictObject({
  status: bookingChangeSchema,
  /** The operator's reason, shown to the seller with the decision. */
  note: note.optional(),
});
export type BookingChangeBody = z.infer<typeof bookingChangeBodySchema>;

export const bookingSchema = z.object({
  id: z.uuid(),
  base: namedRefSchema,
  studio: namedRefSchema,
  seller: namedRefSchema,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  status: bookingStatusSchema,
  purpose: z.string().nullable(),
  createdAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
  decisionNote: z.string().nullable(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const bookingListQuerySchema = z.strictObject({
  when: z.enum(['upcoming', 'past', 'all']).default('upcoming'),
  status: bookingStatusSchema.optional(),
});

export const calendarQuerySchema = z.strictObject({
  weekStart: z.iso
    .date()
    .optional()
    .describe('YYYY-MM-DD; any day of the wanted week (Monday-based, Asia/Shanghai); default this week'),
});

/**
 * One occupied stretch of a studio. Another seller's booking is shown to a member as `busy`,
 * without id, seller or purpose.
 */
export const calendarSlotSchema = z.object({
  bookingId: z.uuid().nullable(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  status: z.enum(['requested', 'approved', 'busy']),
  seller: namedRefSchema.nullable(),
  purpose: z.string().nullable(),
  mine: z.boolean(),
});
export type CalendarSlot = z.infer<typeof calendarSlotSchema>;

export const calendarSchema = z.object({
  base: namedRefSchema,
  /** The Monday the week starts on, in Asia/Shanghai. */
  weekStart: z.iso.date(),
  timeZone: z.literal(BOOKING_TIME_ZONE),
  from: isoDateTime,
  to: isoDateTime,
  viewer: z.enum(['operator', 'member']),
  studios: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: studioStatusSchema,
      slots: z.array(calendarSlotSchema),
    }),
  ),
});
export type Calendar = z.infer<typeof calendarSchema>;
