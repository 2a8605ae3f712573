import type { AddressBody } from '@jadelive/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { commerceKeys } from './query-keys';

const addressKeys = {
  book: ['commerce', 'addresses'] as const,
  regions: ['commerce', 'regions'] as const,
};

export function getAddresses() {
  return unwrap(api.addresses.$get());
}

export const addressesQueryOptions = () =>
  queryOptions({
    queryKey: addressKeys.book,
    queryFn: () => getAddresses().then((answer) => answer.addresses),
  });

/** The signed-in buyer's address book, the default first. */
export function useAddresses() {
  return useQuery(addressesQueryOptions());
}

export function getRegions() {
  return unwrap(api.regions.$get());
}

export const regionsQueryOptions = () =>
  // The tree changes with the data package, i.e. with a deployment: read it once per visit.
  queryOptions({ queryKey: addressKeys.regions, queryFn: getRegions, staleTime: Number.POSITIVE_INFINITY });

/** Provinces, cities and districts for the address form. */
export function useRegions() {
  return useQuery(regionsQueryOptions());
}

export function createAddress(body: AddressBody) {
  return unwrap(api.addresses.$post({ json: body }));
}

export function updateAddress(addressId: string, body: AddressBody) {
  return unwrap(api.addresses[':id'].$put({ param: { id: addressId }, json: body }));
}

export function makeDefaultAddress(addressId: string) {
  return unwrap(api.addresses[':id'].default.$post({ param: { id: addressId } }));
}

export function deleteAddress(addressId: string) {
  return unwrap(api.addresses[':id'].$delete({ param: { id: addressId } }));
}

/** Adds an address, or rewrites the one `addressId` names. */
export function useSaveAddress(addressId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddressBody) => (addressId ? updateAddress(addressId, body) : createAddress(body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressKeys.book }),
  });
}

type BookAction = { kind: 'makeDefault'; addressId: string } | { kind: 'delete'; addressId: string };

export function useAddressBookAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: BookAction): Promise<void> => {
      if (action.kind === 'delete') await deleteAddress(action.addressId);
      else await makeDefaultAddress(action.addressId);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressKeys.book }),
  });
}

export function setOrderAddress(orderId: string, addressId: string) {
  return unwrap(api.orders[':id']['shipping-address'].$put({ param: { id: orderId }, json: { addressId } }));
}

/** Chooses where an unpaid order ships; the order's detail is updated in place. */
export function useSetOrderAddress(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (addressId: string) => setOrderAddress(orderId, addressId),
    onSuccess: (detail) => queryClient.setQueryData(commerceKeys.buyerOrder(orderId), detail),
  });
}
