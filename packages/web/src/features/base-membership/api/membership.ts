import type { CreateBookingBody } from '@jadelive/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const membershipKeys = {
  all: ['base-membership'] as const,
  bases: ['base-membership', 'bases'] as const,
  mine: ['base-membership', 'mine'] as const,
  bookings: ['base-membership', 'bookings'] as const,
};

export function useAllBases() {
  return useQuery({
    queryKey: membershipKeys.bases,
    queryFn: async () => (await unwrap(api.bases.$get({ query: {} }))).bases,
  });
}

export function useMyMemberships() {
  return useQuery({
    queryKey: membershipKeys.mine,
    queryFn: async () => (await unwrap(api.bases.memberships.mine.$get())).memberships,
  });
}

export function useMyBookings() {
  return useQuery({
    queryKey: membershipKeys.bookings,
    queryFn: async () => (await unwrap(api.bookings.mine.$get({ query: { when: 'upcoming' } }))).bookings,
  });
}

function useMembershipMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membershipKeys.all }),
  });
}

export const useApply = () =>
  useMembershipMutation((baseId: string) =>
    unwrap(api.bases[':id'].applications.$post({ param: { id: baseId }, json: {} })),
  );

export const useBookStudio = () =>
  useMembershipMutation(
    ({ baseId, studioId, body }: { baseId: string; studioId: string; body: CreateBookingBody }) =>
      unwrap(
        api.bases[':id'].studios[':studioId'].bookings.$post({ param: { id: baseId, studioId }, json: body }),
      ),
  );

export const useCancelBooking = () =>
  useMembershipMutation((bookingId: string) =>
    unwrap(api.bookings[':id'].$patch({ param: { id: bookingId }, json: { status: 'cancelled' } })),
  );
