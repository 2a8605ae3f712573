import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { baseKeys } from './operator-bases';

/** Names (or clears, with null) the lab that inspects pieces sold by the base's sellers. */
export function useSetInspectionLab(baseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (labOrgId: string | null) =>
      unwrap(api.bases[':id']['inspection-lab'].$put({ param: { id: baseId }, json: { labOrgId } })),
    // The base views carry the lab; every base query starts with 'bases'.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: baseKeys.all }),
  });
}
