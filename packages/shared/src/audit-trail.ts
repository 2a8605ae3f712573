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
  'compliance_flag.reviewed',
  'complaint.filed',
  'complaint.answered',
  'complaint.settled',
  'complaint.escalated',
  'complaint.accepted',
  'complaint.rejected',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
