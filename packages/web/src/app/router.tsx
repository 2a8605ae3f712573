import type { Home } from '@jadelive/shared';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AcceptInvitePage } from '../features/auth/components/accept-invite-page';
import { ConfirmSignupPage } from '../features/auth/components/confirm-signup-page';
import {
  RedirectIfSignedIn,
  RedirectToHome,
  RequireHome,
  RequireManager,
  RequireSession,
} from '../features/auth/components/guards';
import { LoginPage } from '../features/auth/components/login-page';
import { SignupPage } from '../features/auth/components/signup-page';
import { CatalogPage } from '../features/catalog/components/catalog-page';
import { ArbitrationsPage } from '../features/platform-admin/components/arbitrations-page';
import { VerifyPage } from '../features/verify/components/verify-page';
import { livePaths, paths, publicPaths } from '../lib/paths';
import { ListingRoute, ShopRoute } from './routes/catalog-routes';
import { ConsoleLayout } from './routes/console-layout';
import { HomeRoute } from './routes/home-route';
import { NotFound } from './routes/not-found';
import { PublicSiteRoute } from './routes/public-site-route';
import { RouteError } from './routes/route-error';

type ConsolePages = typeof import('./routes/console-pages');
/** A page of the signed-in console, loaded with the others on the first visit to one of them. */
const consolePage = (name: keyof ConsolePages) => async () => ({
  Component: (await import('./routes/console-pages'))[name],
});

const HOMES: Home[] = ['platform', 'operator', 'seller', 'lab', 'regulator', 'buyer'];

/** Pages below each home (paths relative to it, e.g. `certificates` → /seller/certificates). */
const HOME_PAGES: Record<Home, RouteObject[]> = {
  platform: [
    {
      path: 'audit',
      element: <RequireManager />,
      children: [{ index: true, lazy: consolePage('PlatformAuditPage') }],
    },
    {
      path: 'certificates',
      element: <RequireManager />,
      children: [{ index: true, lazy: consolePage('PlatformCertificatesRoute') }],
    },
    {
      path: 'arbitrations',
      element: <RequireManager />,
      children: [{ index: true, element: <ArbitrationsPage /> }],
    },
  ],
  operator: [
    { path: 'bases', lazy: consolePage('OperatorBasesRoute') },
    { path: 'bases/:baseId', lazy: consolePage('OperatorBaseRoute') },
    { path: 'bases/:baseId/calendar', lazy: consolePage('OperatorCalendarRoute') },
    { path: 'notices', lazy: consolePage('OperatorNoticesRoute') },
    { path: 'notices/:documentId', lazy: consolePage('OperatorNoticeRoute') },
  ],
  seller: [
    { path: 'certificates', lazy: consolePage('SellerCertificatesRoute') },
    { path: 'listings', lazy: consolePage('SellerListingsRoute') },
    { path: 'listings/new', lazy: consolePage('SellerListingEditorRoute') },
    { path: 'listings/:listingId', lazy: consolePage('SellerListingEditorRoute') },
    { path: 'profile', lazy: consolePage('SellerProfileRoute') },
    { path: 'notifications', lazy: consolePage('SellerNotificationsRoute') },
    { path: 'bases', lazy: consolePage('SellerBasesRoute') },
    { path: 'orders', lazy: consolePage('SellerOrdersRoute') },
    { path: 'orders/:orderId', lazy: consolePage('SellerOrderRoute') },
    { path: 'complaints', lazy: consolePage('SellerComplaintsRoute') },
    { path: 'notices', lazy: consolePage('SellerNoticesRoute') },
    { path: 'notices/:documentId', lazy: consolePage('SellerNoticeRoute') },
  ],
  lab: [
    { path: 'certificates', lazy: consolePage('LabCertificatesRoute') },
    { path: 'certificates/new', lazy: consolePage('LabIssueRoute') },
    { path: 'inspections', lazy: consolePage('LabInspectionsRoute') },
    { path: 'inspections/:inspectionId', lazy: consolePage('LabInspectionRoute') },
  ],
  regulator: [
    { path: 'flags', lazy: consolePage('RegulatorFlagsRoute') },
    { path: 'flags/live', lazy: consolePage('RegulatorLiveRoute') },
    { path: 'complaints', lazy: consolePage('RegulatorComplaintsRoute') },
    { path: 'leads', lazy: consolePage('RegulatorLeadsRoute') },
    { path: 'cases', lazy: consolePage('RegulatorCasesRoute') },
    { path: 'cases/:caseId', lazy: consolePage('RegulatorCaseRoute') },
    { path: 'cases/:caseId/documents/:documentId', lazy: consolePage('RegulatorCaseDocumentRoute') },
  ],
  buyer: [
    { path: 'orders', lazy: consolePage('BuyerOrdersRoute') },
    { path: 'orders/:orderId', lazy: consolePage('BuyerOrderRoute') },
    { path: 'orders/:orderId/pay', lazy: consolePage('PayRoute') },
    { path: 'addresses', lazy: consolePage('AddressBookRoute') },
    { path: 'complaints', lazy: consolePage('BuyerComplaintsRoute') },
  ],
};

const homeRoutes: RouteObject[] = HOMES.map((home) => ({
  path: paths.home(home),
  element: <RequireHome home={home} />,
  children: [{ index: true, element: <HomeRoute home={home} /> }, ...HOME_PAGES[home]],
}));

/** Open to everyone, signed in or not; phone first. */
const publicRoutes: RouteObject = {
  element: <PublicSiteRoute />,
  children: [
    { path: publicPaths.catalog, element: <CatalogPage /> },
    { path: '/listings/:listingId', element: <ListingRoute /> },
    { path: '/shops/:slug', element: <ShopRoute /> },
    { path: publicPaths.verify, element: <VerifyPage /> },
  ],
};

/** Live rooms: watched by anyone, hosted by sellers, monitored by operators, observed by regulators. */
type LiveRoutes = typeof import('./routes/live-routes');
/** A live page, loaded with the LiveKit client only when someone opens it. */
const livePage = (name: keyof LiveRoutes) => async () => ({
  Component: (await import('./routes/live-routes'))[name],
});

const publicLiveRoutes: RouteObject = {
  element: <PublicSiteRoute />,
  children: [
    { path: livePaths.watchList, lazy: livePage('LiveListRoute') },
    { path: '/live/:sessionId', lazy: livePage('ViewerRoomRoute') },
  ],
};

const consoleLiveRoutes: RouteObject[] = [
  {
    path: livePaths.studio,
    element: <RequireHome home="seller" />,
    children: [
      { index: true, lazy: livePage('StudioSessionsRoute') },
      { path: ':sessionId', lazy: livePage('StudioRoute') },
      { path: ':sessionId/summary', lazy: livePage('SellerSummaryRoute') },
    ],
  },
  {
    path: livePaths.monitor,
    element: <RequireHome home="operator" />,
    children: [{ index: true, lazy: livePage('MonitorWallRoute') }],
  },
  {
    path: livePaths.observerList,
    element: <RequireHome home="regulator" />,
    children: [{ index: true, lazy: livePage('ObserverListRoute') }],
  },
  {
    path: '/regulator/live/:sessionId',
    element: <RequireHome home="regulator" />,
    children: [
      { index: true, lazy: livePage('ObserverRoomRoute') },
      { path: 'summary', lazy: livePage('ObserverSummaryRoute') },
    ],
  },
];

const settingsRoute: RouteObject = {
  path: paths.settings.root,
  element: <RequireManager />,
  children: [
    {
      lazy: consolePage('SettingsLayout'),
      children: [
        { index: true, element: <Navigate to={paths.settings.members} replace /> },
        { path: 'members', lazy: consolePage('MembersRoute') },
        { path: 'invitations', lazy: consolePage('InvitationsRoute') },
        { path: 'tokens', lazy: consolePage('TokensPanel') },
        { path: 'audit', lazy: consolePage('AuditRoute') },
      ],
    },
  ],
};

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: paths.login, element: <LoginPage /> },
          { path: paths.signup, element: <SignupPage /> },
        ],
      },
      { path: '/invite/:token', element: <AcceptInvitePage /> },
      { path: '/signup/confirm/:token', element: <ConfirmSignupPage /> },
      publicRoutes,
      publicLiveRoutes,
      {
        element: <RequireSession />,
        children: [
          {
            element: <ConsoleLayout />,
            children: [
              { index: true, element: <RedirectToHome /> },
              ...homeRoutes,
              ...consoleLiveRoutes,
              settingsRoute,
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
