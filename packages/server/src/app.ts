import { OpenAPIHono } from '@hono/zod-openapi';
import { contextStorage } from 'hono/context-storage';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps';
import { addressRoutes, regionRoutes } from './features/addresses/routes';
import { adminRoutes } from './features/admin/routes';
import { auditLogRoutes } from './features/audit/log-routes';
import { auditRoutes } from './features/audit/routes';
import { authRoutes } from './features/auth/routes';
import { basesRoutes, bookingsRoutes } from './features/bases/routes';
import { caseLeadRoutes } from './features/cases/lead-routes';
import { caseRoutes } from './features/cases/routes';
import { catalogRoutes } from './features/catalog/routes';
import { adminCertificateRoutes } from './features/certificates/admin-routes';
import { labCertificateRoutes } from './features/certificates/lab-routes';
import { sellerCertificateRoutes } from './features/certificates/seller-routes';
import { verifyRoutes } from './features/certificates/verify-routes';
import {
  buyerComplaintRoutes,
  regulatorComplaintRoutes,
  sellerComplaintRoutes,
} from './features/complaints/routes';
import { captionRoutes } from './features/compliance/captions-routes';
import { complianceFlagRoutes } from './features/compliance/routes';
import { docsRoutes } from './features/docs/routes';
import { evidenceRoutes } from './features/evidence/routes';
import { followRoutes } from './features/follows/routes';
import { healthRoutes } from './features/health/routes';
import { imageRoutes, MAX_IMAGE_BYTES } from './features/images/routes';
import { invitationRoutes } from './features/invitations/routes';
import { listingRoutes } from './features/listings/routes';
import { liveRoutes } from './features/live/routes';
import { noticeRoutes } from './features/notices/routes';
import { buyerNotificationRoutes } from './features/notifications/buyer-routes';
import { notificationRoutes } from './features/notifications/routes';
import { commerceRoutes } from './features/orders/commerce-routes';
import { organizationRoutes } from './features/organization/routes';
import { reminderRoutes } from './features/reminders/routes';
import { statisticsRoutes } from './features/statistics/routes';
import { storefrontRoutes } from './features/storefronts/routes';
import type { AppEnv } from './http/app-env';
import { authenticate } from './http/authenticate';
import { bodyLimitByHeader } from './http/body-limit';
import { errorJson, handleError, validationHook } from './http/handle-errors';
import { rejectNulCharacters } from './http/reject-nul';
import { serveConsole } from './http/static-console';

const JSON_BODY_LIMIT = 1024 * 1024;

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(requestId());
  // Audit entries read the request they are written in (id, caller, address) from here.
  app.use(contextStorage());
  app.use(async (c, next) => {
    c.set('deps', deps);
    // c.get, not c.var: c.var copies every variable into a new object on each read.
    const logger = deps.logger.child({ requestId: c.get('requestId') });
    c.set('logger', logger);
    const started = performance.now();
    await next();
    logger.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(secureHeaders({ crossOriginResourcePolicy: 'same-origin', contentSecurityPolicy: undefined }));
  const jsonBodyLimit = bodyLimitByHeader({
    maxSize: JSON_BODY_LIMIT,
    onError: (c) => errorJson(c, 'PAYLOAD_TOO_LARGE', `body larger than ${JSON_BODY_LIMIT} bytes`),
  });
  const imageBodyLimit = bodyLimitByHeader({
    maxSize: MAX_IMAGE_BYTES + 64 * 1024,
    onError: (c) => errorJson(c, 'PAYLOAD_TOO_LARGE', `images are limited to ${MAX_IMAGE_BYTES} bytes`),
  });
  // Image uploads carry their own, larger limit; everything else is JSON.
  app.use('/api/*', (c, next) =>
    c.req.path === '/api/images' ? imageBodyLimit(c, next) : jsonBodyLimit(c, next),
  );
  app.use('/api/*', rejectNulCharacters);
  app.use('/api/*', authenticate);

  const routes = app
    .route('/api/health', healthRoutes)
    .route('/api/auth', authRoutes)
    .route('/api/org', organizationRoutes)
    .route('/api/invitations', invitationRoutes)
    .route('/api/bases', basesRoutes)
    .route('/api/bookings', bookingsRoutes)
    .route('/api/admin/certificates', adminCertificateRoutes)
    .route('/api/admin', adminRoutes)
    .route('/api/images', imageRoutes)
    .route('/api/lab/certificates', labCertificateRoutes)
    .route('/api/certificates', sellerCertificateRoutes)
    .route('/api', verifyRoutes)
    .route('/api/listings', listingRoutes)
    .route('/api/catalog', catalogRoutes)
    .route('/api/storefronts', storefrontRoutes)
    .route('/api/notifications', notificationRoutes)
    .route('/api/me/notifications', buyerNotificationRoutes)
    .route('/api/follows', followRoutes)
    .route('/api/reminders', reminderRoutes)
    .route('/api/compliance', complianceFlagRoutes)
    .route('/api/compliance', captionRoutes)
    .route('/api/complaints', buyerComplaintRoutes)
    .route('/api/seller/complaints', sellerComplaintRoutes)
    .route('/api/regulator/complaints', regulatorComplaintRoutes)
    .route('/api/live', liveRoutes)
    .route('/api/addresses', addressRoutes)
    .route('/api/regions', regionRoutes)
    .route('/api/cases', caseLeadRoutes)
    .route('/api/cases', caseRoutes)
    .route('/api/cases', evidenceRoutes)
    .route('/api/notices', noticeRoutes)
    .route('/api/audit', auditRoutes)
    .route('/api/audit-log', auditLogRoutes)
    .route('/api/statistics', statisticsRoutes)
    .route('/api', commerceRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'jl_session',
    description: 'Session cookie from POST /api/auth/login; mutations also need the X-CSRF-Token header.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'Organisation API token (POST /api/org/tokens), limited to its permissions.',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Jadelive API',
      version: '0.1.0',
      description: '珠宝玉石直播电商与新媒体营销平台 · Livestream commerce for the jewelry and jade trade',
    },
  });
  app.route('/api/docs', docsRoutes);

  app.all('/api/*', (c) => errorJson(c, 'NOT_FOUND', `no route ${c.req.method} ${c.req.path}`));
  if (deps.config.webDistDir) app.use('*', serveConsole(deps.config.webDistDir));
  app.notFound((c) => errorJson(c, 'NOT_FOUND', 'not found'));
  app.onError(handleError);

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
