import { z } from 'zod';

export const ORGANIZATION_KINDS = ['platform', 'cluster_operator', 'seller', 'lab', 'regulator'] as const;
export const organizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

export const MEMBER_ROLES = ['owner', 'admin', 'staff', 'host'] as const;
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** Which roles an organisation of a kind may hand out: only sellers have hosts. */
export function rolesForKind(kind: OrganizationKind): readonly MemberRole[] {
  return kind === 'seller' ? MEMBER_ROLES : MEMBER_ROLES.filter((role) => role !== 'host');
}

/** Permissions an API token can carry; a route names the one it needs. */
export const TOKEN_PERMISSIONS = [
  'org:read',
  'listings:read',
  'listings:write',
  'certificates:read',
  'certificates:write',
  'live:read',
  'live:captions',
  'compliance:read',
] as const;
export const tokenPermissionSchema = z.enum(TOKEN_PERMISSIONS);
export type TokenPermission = z.infer<typeof tokenPermissionSchema>;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'not a valid email address' }));

export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200);

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const signupBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  displayName: z.string().trim().min(1).max(60),
});
export type SignupBody = z.infer<typeof signupBodySchema>;

/** The secret of a sign-up link, as mailed: `/signup/confirm/{token}`. */
export const signupTokenSchema = z
  .string()
  .min(20)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/);

export const confirmSignupBodySchema = z.strictObject({ token: signupTokenSchema });
export type ConfirmSignupBody = z.infer<typeof confirmSignupBodySchema>;

export const organizationSchema = z.object({
  id: z.uuid(),
  kind: organizationKindSchema,
  name: z.string(),
  slug: z.string(),
  district: z.string().nullable(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: memberRoleSchema.nullable(),
  organization: organizationSchema.nullable(),
});
export type User = z.infer<typeof userSchema>;

export const sessionResponseSchema = z.object({
  user: userSchema,
  csrfToken: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** The console a signed-in person lands in. */
export type Home = 'platform' | 'operator' | 'seller' | 'lab' | 'regulator' | 'buyer';

export function homeFor(user: Pick<User, 'organization'>): Home {
  switch (user.organization?.kind) {
    case undefined:
      return 'buyer';
    case 'platform':
      return 'platform';
    case 'cluster_operator':
      return 'operator';
    case 'seller':
      return 'seller';
    case 'lab':
      return 'lab';
    case 'regulator':
      return 'regulator';
  }
}
