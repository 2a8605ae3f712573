import { z } from 'zod';
import {
  emailSchema,
  memberRoleSchema,
  organizationSchema,
  passwordSchema,
  tokenPermissionSchema,
} from './accounts';

export const memberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: memberRoleSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type Member = z.infer<typeof memberSchema>;

export const changeRoleBodySchema = z.strictObject({ role: memberRoleSchema });

export const createInvitationBodySchema = z.strictObject({
  email: emailSchema,
  role: memberRoleSchema,
});

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: memberRoleSchema,
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  acceptedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  /** Shown once to the inviter; delivery by mail is best effort. */
  inviteUrl: z.string(),
});

export const invitationPreviewSchema = z.object({
  email: z.string(),
  role: memberRoleSchema,
  organization: organizationSchema,
  expiresAt: z.iso.datetime({ offset: true }),
});

export const acceptInvitationBodySchema = z.strictObject({
  displayName: z.string().trim().min(1).max(60),
  password: passwordSchema,
});

export const createApiTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  permissions: z.array(tokenPermissionSchema).min(1).max(20),
  expiresInDays: z.number().int().min(1).max(730).optional(),
});

export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  tokenPrefix: z.string(),
  permissions: z.array(tokenPermissionSchema),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const createdApiTokenSchema = z.object({
  apiToken: apiTokenSchema,
  /** The secret, shown this once and never again. */
  token: z.string(),
});
