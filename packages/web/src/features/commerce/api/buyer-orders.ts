import type { OrderStatus } from '@jadelive/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { commerceKeys } from './query-keys';

export function getMyOrders(status: OrderStatus | null) {
  return unwrap(api.orders.$get({ query: status ? { status } : {} }));
}

export const myOrdersQueryOptions = (status: OrderStatus | null) =>
  queryOptions({
    queryKey: commerceKeys.buyerOrderList(status),
    queryFn: () => getMyOrders(status).then((answer) => answer.orders),
  });

/** The signed-in buyer's orders, newest first, optionally of one status. */
export function useMyOrders(status: OrderStatus | null) {
  return useQuery(myOrdersQueryOptions(status));
}

export function getMyOrder(orderId: string) {
  return unwrap(api.orders[':id'].$get({ param: { id: orderId } }));
}

export const myOrderQueryOptions = (orderId: string, refetchInterval?: number) =>
  queryOptions({
    queryKey: commerceKeys.buyerOrder(orderId),
    queryFn: () => getMyOrder(orderId),
    refetchInterval,
  });

/** One order with its event history and payments. */
export function useMyOrder(orderId: string, options: { refetchInterval?: number } = {}) {
  return useQuery(myOrderQueryOptions(orderId, options.refetchInterval));
}
