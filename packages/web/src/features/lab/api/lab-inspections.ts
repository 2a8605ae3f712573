import type { InspectionResultBody, InspectionStatus } from '@jadelive/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const labInspectionKeys = {
  all: ['lab', 'inspections'] as const,
  list: (status: InspectionStatus | undefined) => ['lab', 'inspections', 'list', status ?? 'all'] as const,
  one: (id: string) => ['lab', 'inspections', 'detail', id] as const,
};

/** 检验申请 addressed to this lab, newest first, optionally one status only. */
export function useLabInspections(status: InspectionStatus | undefined) {
  return useQuery({
    queryKey: labInspectionKeys.list(status),
    queryFn: async () =>
      (await unwrap(api.lab.inspections.$get({ query: status ? { status } : {} }))).inspections,
  });
}

export function useLabInspection(id: string) {
  return useQuery({
    queryKey: labInspectionKeys.one(id),
    queryFn: () => unwrap(api.lab.inspections[':id'].$get({ param: { id } })),
  });
}

/** Records the result once; a match lets the order ship, a mismatch cancels or refunds it. */
export function useRecordInspectionResult(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InspectionResultBody) =>
      unwrap(api.lab.inspections[':id'].result.$post({ param: { id }, json: body })),
    onSuccess: (inspection) => {
      queryClient.setQueryData(labInspectionKeys.one(id), inspection);
      return queryClient.invalidateQueries({ queryKey: labInspectionKeys.all });
    },
  });
}
