import type { ArbitrationDecisionBody } from '@jadelive/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const arbitrationKeys = { all: ['platform', 'arbitrations'] as const };

export async function getArbitrationCases() {
  return (await unwrap(api.admin.arbitrations.$get())).cases;
}

export function useArbitrationCases() {
  return useQuery({ queryKey: arbitrationKeys.all, queryFn: getArbitrationCases });
}

export function useDecideArbitration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, body }: { orderId: string; body: ArbitrationDecisionBody }) =>
      unwrap(api.admin.arbitrations[':id'].decision.$post({ param: { id: orderId }, json: body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: arbitrationKeys.all }),
  });
}
