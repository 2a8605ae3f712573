/** Every organisation query starts with 'org', so a mutation can invalidate exactly what it changed. */
export const orgKeys = {
  all: ['org'] as const,
  profile: ['org', 'profile'] as const,
  members: ['org', 'members'] as const,
  invitations: ['org', 'invitations'] as const,
  tokens: ['org', 'tokens'] as const,
};
