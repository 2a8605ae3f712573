import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

/** Inspection labs on the platform (public list), for choosing a base's 就地检验 lab. */
export function useLabs() {
  return useQuery({
    queryKey: ['bases', 'labs'] as const,
    queryFn: async () => (await unwrap(api.labs.$get())).labs,
    staleTime: 5 * 60_000,
  });
}

/** Names (or clears, with null) the lab that inspects pieces sold by the base's sellers. */
export function useSetInspectionLab(baseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (labOrgId: string | null) =>
      unwrap(api.bases[':id']['inspection-lab'].$put({ param: { id: baseId }, json: { labOrgId } })),
    // The base views carry the lab; every base query starts with 'bases'.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['bases'] }),
  });
}
