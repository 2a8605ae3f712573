import type { EvidencePackage } from '@jadelive/shared/evidence';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answered, api, unwrap } from '../../../lib/api-client';

/** One key factory for evidence packages; creating one invalidates the case's list and its record. */
export const evidenceKeys = {
  all: ['evidence'] as const,
  list: (caseId: string) => ['evidence', 'list', caseId] as const,
};

const packages = api.cases[':caseId']['evidence-packages'];

export async function getEvidencePackages(caseId: string): Promise<EvidencePackage[]> {
  return (await unwrap(packages.$get({ param: { caseId } }))).packages;
}

export const evidencePackagesQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: evidenceKeys.list(caseId), queryFn: () => getEvidencePackages(caseId) });

/** The packages extracted from a case, newest first. */
export function useEvidencePackages(caseId: string) {
  return useQuery(evidencePackagesQueryOptions(caseId));
}

/** The stored ZIP, handed to the browser as a download under its own name. */
export async function downloadEvidencePackage(pkg: Pick<EvidencePackage, 'id' | 'caseId' | 'fileName'>) {
  const response = await answered(
    packages[':packageId'].$get({ param: { caseId: pkg.caseId, packageId: pkg.id } }),
  );
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = pkg.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the download start before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Extracts a package from the case and downloads it at once. */
export function useCreateEvidencePackage(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const created = await unwrap(packages.$post({ param: { caseId } }));
      await downloadEvidencePackage(created);
      return created;
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: evidenceKeys.list(caseId) }),
        queryClient.invalidateQueries({ queryKey: ['cases', 'detail', caseId] }),
      ]),
  });
}

/** Downloads an earlier package again. */
export function useDownloadEvidencePackage() {
  return useMutation({ mutationFn: downloadEvidencePackage });
}
