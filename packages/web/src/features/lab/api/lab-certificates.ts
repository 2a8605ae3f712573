import type { CertificateStatus, issueCertificateBodySchema } from '@jadelive/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, unwrap } from '../../../lib/api-client';

export const labKeys = {
  all: ['lab'] as const,
  certificates: (status: CertificateStatus | undefined) => ['lab', 'certificates', status ?? 'all'] as const,
  sellers: ['lab', 'sellers'] as const,
};

export async function getLabCertificates(status: CertificateStatus | undefined) {
  return (await unwrap(api.lab.certificates.$get({ query: status ? { status } : {} }))).certificates;
}

export const labCertificatesQueryOptions = (status: CertificateStatus | undefined) =>
  queryOptions({ queryKey: labKeys.certificates(status), queryFn: () => getLabCertificates(status) });

export function useLabCertificates(status: CertificateStatus | undefined) {
  return useQuery(labCertificatesQueryOptions(status));
}

/** Sellers on the platform: who a certificate can be issued to. */
export async function getSellers() {
  return (await unwrap(api.storefronts.$get())).sellers;
}

export function useSellers() {
  return useQuery({ queryKey: labKeys.sellers, queryFn: getSellers, staleTime: 5 * 60_000 });
}

export type IssueCertificateBody = z.input<typeof issueCertificateBodySchema>;

export function useIssueCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueCertificateBody) => unwrap(api.lab.certificates.$post({ json: body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labKeys.all }),
  });
}

type Decision =
  | { certificateId: string; action: 'confirm' }
  | { certificateId: string; action: 'revoke'; reason: string };

export function decideCertificate(decision: Decision) {
  const route = api.lab.certificates[':certificateId'];
  const param = { certificateId: decision.certificateId };
  return decision.action === 'confirm'
    ? unwrap(route.confirm.$post({ param, json: {} }))
    : unwrap(route.revoke.$post({ param, json: { reason: decision.reason } }));
}

export function useDecideCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideCertificate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: labKeys.all }),
  });
}
