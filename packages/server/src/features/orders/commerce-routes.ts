import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { flashSaleLiveRoutes } from '../flash-sales/live-routes';
import { flashSaleRoutes } from '../flash-sales/routes';
import { paymentRoutes } from '../payments/routes';
import { buyerOrderRoutes } from './buyer-routes';
import { sellerOrderRoutes } from './seller-routes';

/** Orders, payments and flash sales, mounted under `/api` in one place. */
export const commerceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/orders', buyerOrderRoutes)
  .route('/seller/orders', sellerOrderRoutes)
  .route('/payments', paymentRoutes)
  .route('/flash-sales', flashSaleRoutes)
  .route('/live', flashSaleLiveRoutes);
