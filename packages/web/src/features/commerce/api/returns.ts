import type { ReturnRequestBody, ReturnStatementBody } from '@jadelive/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { commerceKeys } from './query-keys';

export type BuyerReturnStep =
  | { kind: 'request'; body: ReturnRequestBody }
  | { kind: 'arbitration'; body: ReturnStatementBody }
  | { kind: 'acceptRefusal' }
  | { kind: 'ship'; carrier: string; trackingNumber: string };

export function takeBuyerReturnStep(orderId: string, step: BuyerReturnStep) {
  const param = { id: orderId };
  const order = api.orders[':id'];
  switch (step.kind) {
    case 'request':
      return unwrap(order['return-request'].$post({ param, json: step.body }));
    case 'arbitration':
      return unwrap(order.return.arbitration.$post({ param, json: step.body }));
    case 'acceptRefusal':
      return unwrap(order.return['accept-refusal'].$post({ param, json: {} }));
    case 'ship':
      return unwrap(
        order.return.shipment.$post({
          param,
          json: { carrier: step.carrier, trackingNumber: step.trackingNumber },
        }),
      );
  }
}

export type SellerReturnStep =
  | { kind: 'approve' }
  | { kind: 'refuse'; reason: string }
  | { kind: 'receive' }
  | { kind: 'damage'; body: ReturnStatementBody };

export function takeSellerReturnStep(orderId: string, step: SellerReturnStep) {
  const param = { id: orderId };
  const order = api.seller.orders[':id'].return;
  switch (step.kind) {
    case 'approve':
      return unwrap(order.approve.$post({ param, json: {} }));
    case 'refuse':
      return unwrap(order.refusal.$post({ param, json: { reason: step.reason } }));
    case 'receive':
      return unwrap(order.receipt.$post({ param, json: {} }));
    case 'damage':
      return unwrap(order.damage.$post({ param, json: step.body }));
  }
}

/** A buyer's step in a no-reason return; the answer is the order as it now stands. */
export function useBuyerReturnStep(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: BuyerReturnStep) => takeBuyerReturnStep(orderId, step),
    onSuccess: (detail) => {
      queryClient.setQueryData(commerceKeys.buyerOrder(orderId), detail);
      return queryClient.invalidateQueries({ queryKey: commerceKeys.buyerOrders });
    },
  });
}

/** A seller's step in a no-reason return (owners and admins). */
export function useSellerReturnStep(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: SellerReturnStep) => takeSellerReturnStep(orderId, step),
    onSuccess: (detail) => {
      queryClient.setQueryData(commerceKeys.sellerOrder(orderId), detail);
      return queryClient.invalidateQueries({ queryKey: commerceKeys.sellerOrders });
    },
  });
}
