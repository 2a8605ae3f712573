import type { registerCertificateBodySchema } from '@jadelive/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, unwrap } from '../../../lib/api-client';
import { certificateKeys } from './get-certificates';

export type RegisterCertificateBody = z.input<typeof registerCertificateBodySchema>;

export function registerCertificate(body: RegisterCertificateBody) {
  return unwrap(api.certificates.$post({ json: body }));
}

export function useRegisterCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerCertificate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: certificateKeys.all }),
  });
}
