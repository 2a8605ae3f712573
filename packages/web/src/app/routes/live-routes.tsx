import { useSession } from '../../features/auth/api/get-session';
import { isManager, useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { StudioSessionsPage } from '../../features/live/components/studio-sessions-page';
import { SummaryPage } from '../../features/live/components/summary-page';
import { ViewerRoomPage } from '../../features/live/components/viewer-room-page';
import { livePaths } from '../../lib/paths';

/** Owners and admins schedule sessions; hosts open the studio of theirs. */
export const StudioSessionsRoute = () => <StudioSessionsPage canManage={isManager(useSignedInUser())} />;

/** Signed-in viewers join with a viewer token and may chat; the others watch as guests. */
export function ViewerRoomRoute() {
  const { data, isPending } = useSession();
  return <ViewerRoomPage signedIn={isPending ? undefined : Boolean(data)} />;
}

export const SellerSummaryRoute = () => <SummaryPage backTo={livePaths.studio} />;
export const ObserverSummaryRoute = () => <SummaryPage backTo={livePaths.observerList} />;
