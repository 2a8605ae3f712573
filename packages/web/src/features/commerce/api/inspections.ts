import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { isApiError } from '../../../lib/api-error';
import { liveCommerceKeys } from './live-commerce-keys';
import { commerceKeys } from './query-keys';

/** 404 means "no inspection asked for": read as null rather than as an error. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** The inspection of one of the buyer's orders, or null when none was asked for. */
export function useBuyerInspection(orderId: string) {
  return useQuery({
    queryKey: liveCommerceKeys.buyerInspection(orderId),
    queryFn: () => orNull(unwrap(api.orders[':id'].inspection.$get({ param: { id: orderId } }))),
  });
}

export function useRequestInspection(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.orders[':id'].inspection.$post({ param: { id: orderId } })),
    onSuccess: (inspection) => {
      queryClient.setQueryData(liveCommerceKeys.buyerInspection(orderId), inspection);
      return queryClient.invalidateQueries({ queryKey: commerceKeys.buyerOrders });
    },
  });
}

/** The inspection a buyer asked for on one of the seller's orders, or null. */
export function useSellerInspection(orderId: string) {
  return useQuery({
    queryKey: liveCommerceKeys.sellerInspection(orderId),
    queryFn: () => orNull(unwrap(api.seller.orders[':id'].inspection.$get({ param: { id: orderId } }))),
  });
}
