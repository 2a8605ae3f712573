import type { CaseLeadKind, OpenCaseBody, RecordObservationBody } from '@jadelive/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { caseKeys } from './cases';

export async function getLeads(kind: CaseLeadKind | undefined, includeLinked: boolean) {
  const query = {
    ...(kind ? { kind } : {}),
    includeLinked: includeLinked ? ('true' as const) : ('false' as const),
  };
  return (await unwrap(api.cases.leads.$get({ query }))).leads;
}

export const leadsQueryOptions = (kind: CaseLeadKind | undefined, includeLinked: boolean) =>
  queryOptions({
    queryKey: caseKeys.leads(kind, includeLinked),
    queryFn: () => getLeads(kind, includeLinked),
    refetchInterval: 30_000,
  });

/** The regulator's inbox: flags of its district and its own observations, newest first. */
export function useLeads(kind: CaseLeadKind | undefined, includeLinked: boolean) {
  return useQuery(leadsQueryOptions(kind, includeLinked));
}

export async function getSellers() {
  return (await unwrap(api.storefronts.$get())).sellers;
}

/** Sellers an observation can name. */
export function useSellers() {
  return useQuery({ queryKey: caseKeys.sellers, queryFn: getSellers, staleTime: 5 * 60_000 });
}

export function openCase(body: OpenCaseBody) {
  return unwrap(api.cases.$post({ json: body }));
}

/** Opens a case from the selected leads; answers the new case. */
export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openCase,
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}

export function recordObservation(body: RecordObservationBody) {
  return unwrap(api.cases.observations.$post({ json: body }));
}

/** Records an observation (note, screenshots, where it was seen) as a lead. */
export function useRecordObservation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordObservation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.all }),
  });
}
