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
import { AuditPanel } from '../features/organization/components/audit-panel';
import { SettingsLayout } from '../features/organization/components/settings-layout';
import { TokensPanel } from '../features/organization/components/tokens-panel';
import { PlatformAuditPage } from '../features/platform-admin/components/platform-audit-page';
import { VerifyPage } from '../features/verify/components/verify-page';
import { livePaths, paths, publicPaths } from '../lib/paths';
import { ListingRoute, ShopRoute } from './routes/catalog-routes';
import {
  AddressBookRoute,
  BuyerOrderRoute,
  BuyerOrdersRoute,
  PayRoute,
  SellerOrderRoute,
  SellerOrdersRoute,
} from './routes/commerce-routes';
import { ConsoleLayout } from './routes/console-layout';
import { HomeRoute } from './routes/home-route';
import { LabInspectionRoute, LabInspectionsRoute } from './routes/inspection-routes';
import { NotFound } from './routes/not-found';
import { PublicSiteRoute } from './routes/public-site-route';
import {
  LabCertificatesRoute,
  LabIssueRoute,
  OperatorBaseRoute,
  OperatorBasesRoute,
  OperatorCalendarRoute,
  PlatformCertificatesRoute,
  RegulatorFlagsRoute,
  RegulatorLiveRoute,
  SellerBasesRoute,
  SellerCertificatesRoute,
  SellerListingEditorRoute,
  SellerListingsRoute,
  SellerNotificationsRoute,
  SellerProfileRoute,
} from './routes/role-routes';
import { RouteError } from './routes/route-error';
import { InvitationsRoute, MembersRoute } from './routes/settings-routes';

const HOMES: Home[] = ['platform', 'operator', 'seller', 'lab', 'regulator', 'buyer'];

/** Pages below each home (paths relative to it, e.g. `certificates` → /seller/certificates). */
const HOME_PAGES: Record<Home, RouteObject[]> = {
  platform: [
    {
      path: 'audit',
      element: <RequireManager />,
      children: [{ index: true, element: <PlatformAuditPage /> }],
    },
    {
      path: 'certificates',
      element: <RequireManager />,
      children: [{ index: true, element: <PlatformCertificatesRoute /> }],
    },
  ],
  operator: [
    { path: 'bases', element: <OperatorBasesRoute /> },
    { path: 'bases/:baseId', element: <OperatorBaseRoute /> },
    { path: 'bases/:baseId/calendar', element: <OperatorCalendarRoute /> },
  ],
  seller: [
    { path: 'certificates', element: <SellerCertificatesRoute /> },
    { path: 'listings', element: <SellerListingsRoute /> },
    { path: 'listings/new', element: <SellerListingEditorRoute /> },
    { path: 'listings/:listingId', element: <SellerListingEditorRoute /> },
    { path: 'profile', element: <SellerProfileRoute /> },
    { path: 'notifications', element: <SellerNotificationsRoute /> },
    { path: 'bases', element: <SellerBasesRoute /> },
    { path: 'orders', element: <SellerOrdersRoute /> },
    { path: 'orders/:orderId', element: <SellerOrderRoute /> },
  ],
  lab: [
    { path: 'certificates', element: <LabCertificatesRoute /> },
    { path: 'certificates/new', element: <LabIssueRoute /> },
    { path: 'inspections', element: <LabInspectionsRoute /> },
    { path: 'inspections/:inspectionId', element: <LabInspectionRoute /> },
  ],
  regulator: [
    { path: 'flags', element: <RegulatorFlagsRoute /> },
    { path: 'flags/live', element: <RegulatorLiveRoute /> },
  ],
  buyer: [
    { path: 'orders', element: <BuyerOrdersRoute /> },
    { path: 'orders/:orderId', element: <BuyerOrderRoute /> },
    { path: 'orders/:orderId/pay', element: <PayRoute /> },
    { path: 'addresses', element: <AddressBookRoute /> },
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
      element: <SettingsLayout />,
      children: [
        { index: true, element: <Navigate to={paths.settings.members} replace /> },
        { path: 'members', element: <MembersRoute /> },
        { path: 'invitations', element: <InvitationsRoute /> },
        { path: 'tokens', element: <TokensPanel /> },
        { path: 'audit', element: <AuditPanel /> },
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
