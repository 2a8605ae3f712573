import type {
  BookingChange,
  CreateBaseBody,
  CreateStudioBody,
  MembershipDecision,
  UpdateBaseBody,
  UpdateStudioBody,
} from '@jadelive/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** Every operator query starts with 'bases', so each change invalidates the lot (small data). */
export const baseKeys = {
  all: ['bases'] as const,
  operated: ['bases', 'operated'] as const,
  members: (baseId: string) => ['bases', baseId, 'members'] as const,
  bookings: (baseId: string) => ['bases', baseId, 'bookings'] as const,
  calendar: (baseId: string, weekStart: string) => ['bases', baseId, 'calendar', weekStart] as const,
};

export function useOperatedBases() {
  return useQuery({
    queryKey: baseKeys.operated,
    queryFn: async () => (await unwrap(api.bases.operated.$get())).bases,
  });
}

export function useBaseMembers(baseId: string) {
  return useQuery({
    queryKey: baseKeys.members(baseId),
    queryFn: async () =>
      (await unwrap(api.bases[':id'].members.$get({ param: { id: baseId }, query: {} }))).memberships,
  });
}

export function useBaseBookings(baseId: string) {
  return useQuery({
    queryKey: baseKeys.bookings(baseId),
    queryFn: async () =>
      (await unwrap(api.bases[':id'].bookings.$get({ param: { id: baseId }, query: { when: 'upcoming' } })))
        .bookings,
  });
}

export function useBaseCalendar(baseId: string, weekStart: string) {
  return useQuery({
    queryKey: baseKeys.calendar(baseId, weekStart),
    queryFn: () => unwrap(api.bases[':id'].calendar.$get({ param: { id: baseId }, query: { weekStart } })),
  });
}

function useBasesMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: baseKeys.all }),
  });
}

export const useCreateBase = () =>
  useBasesMutation((body: CreateBaseBody) => unwrap(api.bases.$post({ json: body })));

export const useUpdateBase = () =>
  useBasesMutation(({ baseId, body }: { baseId: string; body: UpdateBaseBody }) =>
    unwrap(api.bases[':id'].$patch({ param: { id: baseId }, json: body })),
  );

export const useCreateStudio = () =>
  useBasesMutation(({ baseId, body }: { baseId: string; body: CreateStudioBody }) =>
    unwrap(api.bases[':id'].studios.$post({ param: { id: baseId }, json: body })),
  );

export const useUpdateStudio = () =>
  useBasesMutation(
    ({ baseId, studioId, body }: { baseId: string; studioId: string; body: UpdateStudioBody }) =>
      unwrap(api.bases[':id'].studios[':studioId'].$patch({ param: { id: baseId, studioId }, json: body })),
  );

export const useDecideMembership = () =>
  useBasesMutation(
    ({
      baseId,
      sellerOrgId,
      status,
      note,
    }: {
      baseId: string;
      sellerOrgId: string;
      status: MembershipDecision;
      note?: string;
    }) =>
      unwrap(
        api.bases[':id'].members[':sellerOrgId'].$patch({
          param: { id: baseId, sellerOrgId },
          json: { status, note },
        }),
      ),
  );

export const useChangeBooking = () =>
  useBasesMutation(
    ({ bookingId, status, note }: { bookingId: string; status: BookingChange; note?: string }) =>
      unwrap(api.bookings[':id'].$patch({ param: { id: bookingId }, json: { status, note } })),
  );
