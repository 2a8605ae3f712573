import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/app-env';
import { validationHook } from '../../http/handle-errors';
import { orderAddressRoutes } from '../addresses/routes';
import { auctionDepositRoutes } from '../auctions/deposit-routes';
import { auctionLiveRoutes } from '../auctions/live-routes';
import { auctionRoutes } from '../auctions/routes';
import { flashSaleLiveRoutes } from '../flash-sales/live-routes';
import { flashSaleRoutes } from '../flash-sales/routes';
import { giveawayLiveRoutes, giveawayRoutes } from '../giveaways/routes';
import { baseInspectionLabRoutes } from '../inspections/base-lab-routes';
import { buyerInspectionRoutes, labInspectionRoutes, sellerInspectionRoutes } from '../inspections/routes';
import { paymentRoutes } from '../payments/routes';
import { arbitrationRoutes, buyerReturnRoutes, sellerReturnRoutes } from '../returns/routes';
import { buyerOrderRoutes } from './buyer-routes';
import { sellerOrderRoutes } from './seller-routes';

/** Orders, payments, flash sales and auctions, mounted under `/api` in one place. */
export const commerceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .route('/orders', buyerOrderRoutes)
  .route('/orders', orderAddressRoutes)
  .route('/seller/orders', sellerOrderRoutes)
  .route('/orders', buyerReturnRoutes)
  .route('/seller/orders', sellerReturnRoutes)
  .route('/admin/arbitrations', arbitrationRoutes)
  .route('/payments', paymentRoutes)
  .route('/flash-sales', flashSaleRoutes)
  .route('/live', flashSaleLiveRoutes)
  .route('/auctions', auctionRoutes)
  .route('/auctions', auctionDepositRoutes)
  .route('/live', auctionLiveRoutes)
  .route('/orders', buyerInspectionRoutes)
  .route('/seller/orders', sellerInspectionRoutes)
  .route('/lab/inspections', labInspectionRoutes)
  .route('/bases', baseInspectionLabRoutes)
  .route('/giveaways', giveawayRoutes)
  .route('/live', giveawayLiveRoutes);
