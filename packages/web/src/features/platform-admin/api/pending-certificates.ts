import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export const pendingCertificateKeys = { all: ['platform', 'certificates', 'pending'] as const };

export async function getPendingCertificates() {
  return (await unwrap(api.admin.certificates.pending.$get())).certificates;
}

export function usePendingCertificates() {
  return useQuery({ queryKey: pendingCertificateKeys.all, queryFn: getPendingCertificates });
}

type Decision =
  | { certificateId: string; action: 'confirm' }
  | { certificateId: string; action: 'revoke'; reason: string };

export function useDecidePendingCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) => {
      const route = api.admin.certificates[':certificateId'];
      const param = { certificateId: decision.certificateId };
      return decision.action === 'confirm'
        ? unwrap(route.confirm.$post({ param, json: {} }))
        : unwrap(route.revoke.$post({ param, json: { reason: decision.reason } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pendingCertificateKeys.all }),
  });
}
