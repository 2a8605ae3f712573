import type { OrderStatus } from '@jadelive/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { commerceKeys } from './query-keys';

export function getSellerOrders(status: OrderStatus | null) {
  return unwrap(api.seller.orders.$get({ query: status ? { status } : {} }));
}

export const sellerOrdersQueryOptions = (status: OrderStatus | null, refetchInterval?: number) =>
  queryOptions({
    queryKey: commerceKeys.sellerOrderList(status),
    queryFn: () => getSellerOrders(status).then((answer) => answer.orders),
    refetchInterval,
  });

/** Orders of the seller's listings, newest first, optionally of one status. */
export function useSellerOrders(status: OrderStatus | null, options: { refetchInterval?: number } = {}) {
  return useQuery(sellerOrdersQueryOptions(status, options.refetchInterval));
}

export function getSellerOrder(orderId: string) {
  return unwrap(api.seller.orders[':id'].$get({ param: { id: orderId } }));
}

export const sellerOrderQueryOptions = (orderId: string) =>
  queryOptions({ queryKey: commerceKeys.sellerOrder(orderId), queryFn: () => getSellerOrder(orderId) });

export function useSellerOrder(orderId: string) {
  return useQuery(sellerOrderQueryOptions(orderId));
}

export function shipOrder(orderId: string, body: { trackingNumber: string; carrier: string }) {
  return unwrap(api.seller.orders[':id'].ship.$post({ param: { id: orderId }, json: body }));
}

export function approveRefund(orderId: string) {
  return unwrap(api.seller.orders[':id']['approve-refund'].$post({ param: { id: orderId } }));
}

type SellerAction = { kind: 'ship'; trackingNumber: string; carrier: string } | { kind: 'approveRefund' };

/** Ship a paid order, or approve a requested refund (owners and admins). */
export function useSellerOrderAction(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: SellerAction) =>
      action.kind === 'ship'
        ? shipOrder(orderId, { trackingNumber: action.trackingNumber, carrier: action.carrier })
        : approveRefund(orderId),
    onSuccess: (detail) => {
      queryClient.setQueryData(commerceKeys.sellerOrder(orderId), detail);
      return queryClient.invalidateQueries({ queryKey: commerceKeys.sellerOrders });
    },
  });
}
