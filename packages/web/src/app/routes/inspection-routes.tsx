import type { MemberRole } from '@jadelive/shared';
import { useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { LabInspectionPage } from '../../features/lab/components/lab-inspection-page';
import { LabInspectionsPage } from '../../features/lab/components/lab-inspections-page';

/** The server lets a lab's owners, admins and staff record results; other members only read. */
const RESULT_WRITERS: readonly MemberRole[] = ['owner', 'admin', 'staff'];

export const LabInspectionsRoute = LabInspectionsPage;
export const LabInspectionRoute = () => {
  const { role } = useSignedInUser();
  return <LabInspectionPage canEdit={role !== null && RESULT_WRITERS.includes(role)} />;
};
