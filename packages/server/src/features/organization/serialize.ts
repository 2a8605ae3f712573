import type { ApiToken, Invitation, Member, MemberRole, TokenPermission } from '@jadelive/shared';
import { iso, isoOrNull } from '../../lib/serialize';

export const toMember = (row: {
  id: string;
  email: string;
  displayName: string;
  role: string | null;
  createdAt: Date;
}): Member => ({
  id: row.id,
  email: row.email,
  displayName: row.displayName,
  role: row.role as MemberRole,
  createdAt: iso(row.createdAt),
});

export const toInvitation = (row: {
  id: string;
  email: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
}): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role as MemberRole,
  createdAt: iso(row.createdAt),
  expiresAt: iso(row.expiresAt),
  acceptedAt: isoOrNull(row.acceptedAt),
});

export const toApiToken = (row: {
  id: string;
  name: string;
  tokenPrefix: string;
  permissions: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiToken => ({
  id: row.id,
  name: row.name,
  tokenPrefix: row.tokenPrefix,
  permissions: row.permissions as TokenPermission[],
  createdAt: iso(row.createdAt),
  expiresAt: isoOrNull(row.expiresAt),
  lastUsedAt: isoOrNull(row.lastUsedAt),
  revokedAt: isoOrNull(row.revokedAt),
});
