import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { baseRoutes } from './bases-routes';
import { bookingRoutes } from './bookings-routes';
import { membershipRoutes } from './memberships-routes';
import { studioRoutes } from './studios-routes';

export { myBookingRoutes as bookingsRoutes } from './my-bookings-routes';

/** Everything under /api/bases (bookings of one base included); `/api/bookings` is separate. */
export const basesRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/', membershipRoutes)
  .route('/', studioRoutes)
  .route('/', bookingRoutes)
  .route('/', baseRoutes);
