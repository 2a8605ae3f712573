import { homeFor } from '@jadelive/shared';
import { AuditLog } from '../../features/audit/components/audit-log';
import { useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { InvitationsPanel } from '../../features/organization/components/invitations-panel';
import { MembersPanel } from '../../features/organization/components/members-panel';
import type { OrgViewer } from '../../features/organization/components/org-viewer';

/** Settings sit behind RequireManager, so the user is a member with a role; checked anyway for the types. */
function useOrgViewer(): OrgViewer {
  const user = useSignedInUser();
  if (!user.organization || !user.role)
    throw new Error('organisation settings need a member of an organisation');
  return { userId: user.id, role: user.role, organizationKind: user.organization.kind };
}

export function MembersRoute() {
  return <MembersPanel viewer={useOrgViewer()} />;
}

export function InvitationsRoute() {
  return <InvitationsPanel viewer={useOrgViewer()} />;
}

/** The organisation's own audit trail; its objects link to the pages this kind of account has. */
export function AuditRoute() {
  const user = useSignedInUser();
  if (!user.organization) throw new Error('organisation settings need a member of an organisation');
  return <AuditLog scope="organization" organizationId={user.organization.id} reader={homeFor(user)} />;
}
