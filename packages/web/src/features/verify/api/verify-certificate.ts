import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';

export interface VerifyRequest {
  lab: string;
  number: string;
}

export const verifyKeys = {
  check: (request: VerifyRequest) => ['verify', 'check', request.lab, request.number] as const,
};

export function verifyCertificate(request: VerifyRequest) {
  return unwrap(api.verify.$get({ query: request }));
}

export const verifyQueryOptions = (request: VerifyRequest) =>
  queryOptions({
    queryKey: verifyKeys.check(request),
    queryFn: () => verifyCertificate(request),
    // Rate-limited per address: one check per question, not one per focus or mount.
    staleTime: 60_000,
    retry: false,
  });

/** Only asks once both lab and number are given (they come from the query string, e.g. a QR code). */
export function useVerification(request: VerifyRequest | null) {
  return useQuery({
    ...verifyQueryOptions(request ?? { lab: '', number: '' }),
    enabled: request !== null,
  });
}
