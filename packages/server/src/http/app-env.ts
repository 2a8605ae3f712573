import type { MemberRole, OrganizationKind, TokenPermission } from '@jadelive/shared';
import type { Logger } from 'pino';
import type { AppDeps } from '../deps';

export interface SessionActor {
  type: 'session';
  userId: string;
  email: string;
  displayName: string;
  organizationId: string | null;
  organizationKind: OrganizationKind | null;
  role: MemberRole | null;
  sessionTokenHash: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface TokenActor {
  type: 'token';
  tokenId: string;
  organizationId: string;
  organizationKind: OrganizationKind;
  permissions: readonly TokenPermission[];
}

export type Actor = SessionActor | TokenActor;

export interface AppEnv {
  Variables: {
    requestId: string;
    logger: Logger;
    deps: AppDeps;
    actor: Actor | null;
  };
}
