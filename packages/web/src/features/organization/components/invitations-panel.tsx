import { CreateInvitationForm } from './create-invitation-form';
import { InvitationList } from './invitation-list';
import type { OrgViewer } from './org-viewer';

export function InvitationsPanel({ viewer }: { viewer: OrgViewer }) {
  return (
    <div className="stack-large" data-testid="invitations-panel">
      <CreateInvitationForm viewer={viewer} />
      <InvitationList />
    </div>
  );
}
