import type { MemberRole, OrganizationKind } from '@jadelive/shared';

/** The signed-in member as the settings pages need them; handed in by the app layer. */
export interface OrgViewer {
  userId: string;
  role: MemberRole;
  organizationKind: OrganizationKind;
}
