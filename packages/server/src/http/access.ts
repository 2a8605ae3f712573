import type { MemberRole, OrganizationKind, TokenPermission } from '@jadelive/shared';
import type { Context, MiddlewareHandler } from 'hono';
import type { Actor, AppEnv, SessionActor, TokenActor } from './app-env';
import { ApiError, because } from './errors';

/**
 * Who may call a route. Every route states one; `authorize` enforces it and the OpenAPI document
 * shows it (`x-access`).
 */
export type AccessPolicy =
  | { kind: 'public' }
  /** Any signed-in person: a buyer or a member of an organisation. */
  | { kind: 'signed_in' }
  /** Members of organisations of these kinds, optionally only these roles; API tokens carrying `token`. */
  | {
      kind: 'members';
      orgKinds: readonly OrganizationKind[] | 'any';
      roles?: readonly MemberRole[];
      token?: TokenPermission;
    };

export const Access = {
  public: { kind: 'public' } as AccessPolicy,
  signedIn: { kind: 'signed_in' } as AccessPolicy,
  members: (
    orgKinds: readonly OrganizationKind[] | 'any',
    options: { roles?: readonly MemberRole[]; token?: TokenPermission } = {},
  ): AccessPolicy => ({ kind: 'members', orgKinds, ...options }),
};

export const MANAGERS: readonly MemberRole[] = ['owner', 'admin'];

export function describeAccess(policy: AccessPolicy): string {
  switch (policy.kind) {
    case 'public':
      return 'public';
    case 'signed_in':
      return 'any signed-in user';
    case 'members': {
      const kinds = policy.orgKinds === 'any' ? 'any organisation' : policy.orgKinds.join(' | ');
      const roles = policy.roles ? ` with role ${policy.roles.join(' | ')}` : '';
      const token = policy.token ? `; API tokens with permission ${policy.token}` : '';
      return `members of ${kinds}${roles}${token}`;
    }
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authorize(policy: AccessPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (policy.kind === 'public') return next();
    const actor = c.get('actor');
    if (!actor) throw new ApiError('UNAUTHENTICATED', 'sign in or send a valid API token');
    if (actor.type === 'session' && !SAFE_METHODS.has(c.req.method)) {
      // Cookies ride along on cross-site requests; the CSRF header proves the page read our API.
      if (c.req.header('x-csrf-token') !== actor.csrfToken) {
        throw new ApiError('CSRF_FAILED', 'missing or wrong X-CSRF-Token header');
      }
    }
    if (!isAllowed(policy, actor)) throw new ApiError('FORBIDDEN', 'your account may not call this route');
    return next();
  };
}

function isAllowed(policy: AccessPolicy, actor: Actor): boolean {
  if (policy.kind === 'public') return true;
  if (policy.kind === 'signed_in') return actor.type === 'session';
  const kindAllowed = (kind: OrganizationKind | null) =>
    kind !== null && (policy.orgKinds === 'any' || policy.orgKinds.includes(kind));
  if (actor.type === 'token') {
    return (
      policy.token !== undefined &&
      actor.permissions.includes(policy.token) &&
      kindAllowed(actor.organizationKind)
    );
  }
  return (
    kindAllowed(actor.organizationKind) &&
    (!policy.roles || (actor.role !== null && policy.roles.includes(actor.role)))
  );
}

/** The signed-in person; only valid behind a policy that admits sessions. */
export function sessionActor(c: Context<AppEnv>): SessionActor {
  const actor = c.get('actor');
  if (actor?.type !== 'session') throw new ApiError('UNAUTHENTICATED', 'sign in first');
  return actor;
}

export type MemberActor =
  | (SessionActor & { organizationId: string; organizationKind: OrganizationKind })
  | TokenActor;

/** A member or token of an organisation; behind a `members` policy this never throws. */
export function memberActor(c: Context<AppEnv>): MemberActor {
  const actor = c.get('actor');
  if (!actor) throw new ApiError('UNAUTHENTICATED', 'sign in first');
  if (actor.organizationId === null || actor.organizationKind === null) {
    throw new ApiError(
      'FORBIDDEN',
      'only members of an organisation may call this route',
      because('members_only'),
    );
  }
  return actor as MemberActor;
}

export function actorUserId(actor: Actor): string | null {
  return actor.type === 'session' ? actor.userId : null;
}
