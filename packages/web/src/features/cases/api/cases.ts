import type { CaseDetail } from '@jadelive/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export type CaseListState = 'open' | 'ended' | 'all';

/** One key factory for everything casework reads; mutations invalidate `caseKeys.all`. */
export const caseKeys = {
  all: ['cases'] as const,
  list: (state: CaseListState) => ['cases', 'list', state] as const,
  detail: (caseId: string) => ['cases', 'detail', caseId] as const,
  leads: (kind: string | undefined, includeLinked: boolean) =>
    ['cases', 'leads', kind, includeLinked] as const,
  regulators: ['cases', 'regulators'] as const,
  sellers: ['cases', 'sellers'] as const,
};

export async function getCases(state: CaseListState) {
  return (await unwrap(api.cases.$get({ query: { state } }))).cases;
}

export const casesQueryOptions = (state: CaseListState) =>
  queryOptions({ queryKey: caseKeys.list(state), queryFn: () => getCases(state), refetchInterval: 60_000 });

/** The regulator's cases with their clocks, most recently changed first. */
export function useCases(state: CaseListState) {
  return useQuery(casesQueryOptions(state));
}

export function getCase(caseId: string): Promise<CaseDetail> {
  return unwrap(api.cases[':id'].$get({ param: { id: caseId } }));
}

export const caseQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: caseKeys.detail(caseId), queryFn: () => getCase(caseId) });

/** One case with its record, subjects, documents and the caller's next steps. */
export function useCase(caseId: string) {
  return useQuery(caseQueryOptions(caseId));
}

export async function getRegulators() {
  return (await unwrap(api.cases.regulators.$get())).regulators;
}

/** Other regulators a case may be transferred to. */
export function useRegulators() {
  return useQuery({ queryKey: caseKeys.regulators, queryFn: getRegulators, staleTime: 10 * 60_000 });
}
