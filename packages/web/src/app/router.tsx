import type { Home } from '@jadelive/shared';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AcceptInvitePage } from '../features/auth/components/accept-invite-page';
import {
  RedirectIfSignedIn,
  RedirectToHome,
  RequireHome,
  RequireManager,
  RequireSession,
} from '../features/auth/components/guards';
import { LoginPage } from '../features/auth/components/login-page';
import { SignupPage } from '../features/auth/components/signup-page';
import { AuditPanel } from '../features/organization/components/audit-panel';
import { SettingsLayout } from '../features/organization/components/settings-layout';
import { TokensPanel } from '../features/organization/components/tokens-panel';
import { PlatformAuditPage } from '../features/platform-admin/components/platform-audit-page';
import { paths } from '../lib/paths';
import { ConsoleLayout } from './routes/console-layout';
import { HomeRoute } from './routes/home-route';
import { NotFound } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { InvitationsRoute, MembersRoute } from './routes/settings-routes';

const HOMES: Home[] = ['platform', 'operator', 'seller', 'lab', 'regulator', 'buyer'];

const homeRoutes: RouteObject[] = HOMES.map((home) => ({
  path: paths.home(home),
  element: <RequireHome home={home} />,
  children: [
    { index: true, element: <HomeRoute home={home} /> },
    ...(home === 'platform'
      ? [
          {
            path: 'audit',
            element: <RequireManager />,
            children: [{ index: true, element: <PlatformAuditPage /> }],
          },
        ]
      : []),
  ],
}));

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
      {
        element: <RequireSession />,
        children: [
          {
            element: <ConsoleLayout />,
            children: [
              { index: true, element: <RedirectToHome /> },
              ...homeRoutes,
              settingsRoute,
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
