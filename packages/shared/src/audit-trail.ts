import { z } from 'zod';

/**
 * Every action the audit trail records, as `<object>.<what happened>`. A key is added here before
 * any code writes it (the server's `recordAudit` accepts only these), and the console words each
 * one in its zh-CN and en catalogues (a test checks that every key has both).
 */
export const AUDIT_ACTIONS = [
  'auth.signup',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'member.role_changed',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'token.issued',
  'token.revoked',
  'base.created',
  'base.updated',
  'base.inspection_lab_set',
  'studio.created',
  'studio.updated',
  'studio_booking.requested',
  'studio_booking.approved',
  'studio_booking.rejected',
  'studio_booking.cancelled',
  'base_membership.applied',
  'base_membership.admitted',
  'base_membership.rejected',
  'base_membership.suspended',
  'base_membership.removed',
  'certificate.registered',
  'certificate.issued',
  'certificate.confirmed',
  'certificate.refused',
  'certificate.revoked',
  'listing.created',
  'listing.updated',
  'listing.published',
  'listing.unpublished',
  'listing.archived',
  'listing.suspended',
  'image.uploaded',
  'storefront.updated',
  'address.created',
  'address.updated',
  'address.default_set',
  'address.deleted',
  'follow.added',
  'follow.removed',
  'reminder.set',
  'reminder.removed',
  'order.created',
  'order.paid',
  'order.shipped',
  'order.delivered',
  'order.completed',
  'order.cancelled',
  'order.refund_requested',
  'order.refunded',
  'order.return_requested',
  'order.return_refused',
  'order.return_arbitration',
  'order.return_approved',
  'order.return_shipped',
  'order.shipping_address_set',
  'payment.started',
  'payment.succeeded',
  'payment.failed',
  'payment.refunded',
  'payment.notification_ignored',
  'inspection.requested',
  'inspection.matched',
  'inspection.mismatched',
  'live_session.created',
  'live_session.lineup_changed',
  'live_session.started',
  'live_session.ended',
  'live_session.cancelled',
  'live_session.pinned',
  'live_session.unpinned',
  'live_session.cohost_invited',
  'live_session.cohost_removed',
  'live_session.ingest_token_issued',
  'chat.message_removed',
  'chat.viewer_muted',
  'chat.viewer_unmuted',
  'chat.viewer_removed',
  'chat.slow_mode_set',
  'auction.created',
  'auction.closed',
  'auction.bid_placed',
  'auction.max_bid_set',
  'auction_deposit.started',
  'auction_deposit.paid',
  'auction_deposit.refunded',
  'auction_deposit.failed',
  'auction_deposit.forfeited',
  'flash_sale.created',
  'flash_sale.ended',
  'giveaway.created',
  'giveaway.entered',
  'giveaway.drawn',
  'giveaway.cancelled',
  'compliance_flag.reviewed',
  'complaint.filed',
  'complaint.answered',
  'complaint.settled',
  'complaint.escalated',
  'complaint.accepted',
  'complaint.rejected',
  'case_observation.recorded',
  'case.opened',
  'case.request_filing',
  'case.approve_filing',
  'case.refuse_filing',
  'case.investigate',
  'case.issue_notice',
  'case.notify',
  'case.decide',
  'case.deliver',
  'case.publish',
  'case.close',
  'case.drop',
  'case.transfer',
  'case.subject_added',
  'case.note_added',
  'case.response_accepted',
  'case.response_rejected',
  'case.evidence_packaged',
  'case_document.read',
  'case_document.responded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who an entry names as acting: a person, an organisation's API token, or the system. */
export const auditActorSchema = z.object({
  kind: z.enum(['user', 'token', 'system']),
  id: z.string().nullable(),
  /** The person's display name (masked for someone outside the reader's organisation) or the token's name. */
  name: z.string().nullable(),
  organizationName: z.string().nullable(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

/** One audit entry as the trail's readers see it: names instead of ids where they are cheap to find. */
export const auditRecordSchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime({ offset: true }),
  /** An `AuditAction`; kept a string so entries written under keys since retired still read. */
  action: z.string(),
  actor: auditActorSchema,
  /** The organisation whose trail holds the entry (the owner of what changed). */
  organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  target: z.object({ type: z.string(), id: z.string().nullable(), label: z.string().nullable() }).nullable(),
  /** Only for the reader's own members' entries (and for platform admins): an address is personal. */
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditRecord = z.infer<typeof auditRecordSchema>;

/**
 * `action`: an exact key (`order.refunded`) or a prefix ending in a dot (`order.`). `cursor` is the
 * `nextCursor` of the page before. `organizationId` narrows a platform admin's search to one
 * organisation; anyone else may only name their own.
 */
export const auditQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actorUserId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z_]+(\.([a-z_]+)?)?$/, 'an action key like order.refunded, or a prefix like order.')
    .optional(),
  targetType: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
  targetId: z.string().min(1).max(100).optional(),
  requestId: z.string().min(1).max(100).optional(),
  organizationId: z.uuid().optional(),
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,17}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditRecordSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** An export holds at most this many entries, newest first; a narrower range reaches older ones. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
