// Loaded on demand by the router: the LiveKit client stays out of the bundle of every other page.
import { useSession } from '../../features/auth/api/get-session';
import { isManager, useSignedInUser } from '../../features/auth/hooks/use-signed-in-user';
import { ObservationCapture } from '../../features/cases/components/observation-capture';
import { StudioCommercePanel } from '../../features/commerce/components/studio-commerce-panel';
import { ViewerCommercePanel } from '../../features/commerce/components/viewer-commerce-panel';
import { FileComplaint } from '../../features/complaints/components/file-complaint';
import { LiveListPage } from '../../features/live/components/live-list-page';
import { MonitorWallPage } from '../../features/live/components/monitor-wall-page';
import { ObserverListPage, ObserverRoomPage } from '../../features/live/components/observer-pages';
import { StudioPage } from '../../features/live/components/studio-page';
import { StudioSessionsPage } from '../../features/live/components/studio-sessions-page';
import { SummaryPage } from '../../features/live/components/summary-page';
import { ViewerRoomPage } from '../../features/live/components/viewer-room-page';
import { SessionSalesFigures } from '../../features/statistics/components/session-sales-figures';
import { livePaths, paths } from '../../lib/paths';
import { shopperOf } from '../../lib/shopper';

/** Owners and admins schedule sessions; hosts open the studio of theirs. */
export const StudioSessionsRoute = () => <StudioSessionsPage canManage={isManager(useSignedInUser())} />;
/** The studio with the host's selling tools (flash sale …) from the commerce feature. */
export const StudioRoute = () => <StudioPage panel={StudioCommercePanel} />;

/**
 * Signed-in viewers join with a viewer token and may chat; the others watch as guests. Buyers may
 * complain (投诉) about the session from the room and from its recap.
 */
export function ViewerRoomRoute() {
  const { data, isPending } = useSession();
  return (
    <ViewerRoomPage
      signedIn={isPending ? undefined : Boolean(data)}
      panel={ViewerCommercePanel}
      complaint={SessionComplaint}
    />
  );
}

function SessionComplaint({ sessionId, title }: { sessionId: string; title: string }) {
  const { data } = useSession();
  const here = livePaths.watch(sessionId);
  return (
    <FileComplaint
      subject={{ kind: 'live_session', id: sessionId }}
      title={title}
      shopper={shopperOf(data)}
      signInPath={`${paths.login}?next=${encodeURIComponent(here)}`}
    />
  );
}

export const LiveListRoute = LiveListPage;
export const MonitorWallRoute = MonitorWallPage;
export const ObserverListRoute = ObserverListPage;
/** The hidden observer records what it sees as a lead (note, screenshots, this room) with casework's form. */
export const ObserverRoomRoute = () => <ObserverRoomPage panel={ObservationCapture} />;
/** The summary shows the statistics feature's sales figures to those who may read them. */
export const SellerSummaryRoute = () => <SummaryPage backTo={livePaths.studio} sales={SessionSalesFigures} />;
export const ObserverSummaryRoute = () => (
  <SummaryPage backTo={livePaths.observerList} sales={SessionSalesFigures} />
);
