import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { commerceKeys } from './query-keys';

/** Opens a payment for an unpaid order, or answers the one already open. */
export function startPayment(orderId: string) {
  return unwrap(api.orders[':id'].pay.$post({ param: { id: orderId } }));
}

export function useStartPayment(orderId: string) {
  return useMutation({ mutationFn: () => startPayment(orderId) });
}

/** The sandbox gateway's page: the buyer confirms or fails the payment; the server verifies it like a real notification. */
export function completeSandboxPayment(paymentId: string, outcome: 'success' | 'fail') {
  return unwrap(api.payments.sandbox[':id'].complete.$post({ param: { id: paymentId }, json: { outcome } }));
}

export function useCompleteSandboxPayment(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { paymentId: string; outcome: 'success' | 'fail' }) =>
      completeSandboxPayment(input.paymentId, input.outcome),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commerceKeys.buyerOrders }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: commerceKeys.buyerOrder(orderId) }),
  });
}
