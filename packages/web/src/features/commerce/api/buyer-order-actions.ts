import type { CreateOrderBody } from '@jadelive/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { commerceKeys } from './query-keys';

export function createOrder(body: CreateOrderBody) {
  return unwrap(api.orders.$post({ json: body }));
}

export function cancelOrder(orderId: string) {
  return unwrap(api.orders[':id'].cancel.$post({ param: { id: orderId } }));
}

export function confirmDelivery(orderId: string) {
  return unwrap(api.orders[':id']['confirm-delivery'].$post({ param: { id: orderId } }));
}

export function requestRefund(orderId: string, reason: string) {
  return unwrap(api.orders[':id']['refund-request'].$post({ param: { id: orderId }, json: { reason } }));
}

/** Orders a listing; the caller's idempotency key makes a retried click answer with the same order. */
export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrder,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commerceKeys.buyerOrders }),
  });
}

type BuyerAction = { kind: 'cancel' } | { kind: 'confirmDelivery' } | { kind: 'refund'; reason: string };

/** What a buyer does with one order: cancel it unpaid, confirm delivery, ask for a refund or return. */
export function useBuyerOrderAction(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: BuyerAction) => {
      switch (action.kind) {
        case 'cancel':
          return cancelOrder(orderId);
        case 'confirmDelivery':
          return confirmDelivery(orderId);
        case 'refund':
          return requestRefund(orderId, action.reason);
      }
    },
    onSuccess: (detail) => {
      queryClient.setQueryData(commerceKeys.buyerOrder(orderId), detail);
      return queryClient.invalidateQueries({ queryKey: commerceKeys.buyerOrders });
    },
  });
}
