import type { sellerProfileBodySchema } from '@jadelive/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, unwrap } from '../../../lib/api-client';

export const profileKeys = { mine: ['storefront-profile', 'mine'] as const };

export async function getMyProfile() {
  return (await unwrap(api.storefronts.mine.profile.$get())).profile;
}

export function useMyProfile() {
  return useQuery({ queryKey: profileKeys.mine, queryFn: getMyProfile });
}

export type SellerProfileBody = z.input<typeof sellerProfileBodySchema>;

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SellerProfileBody) => unwrap(api.storefronts.mine.profile.$put({ json: body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.mine }),
  });
}
