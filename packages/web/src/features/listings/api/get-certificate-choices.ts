import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api-client';
import { listingKeys } from './query-keys';

/** The seller's own certificates, for the picker (the server refuses anyone else's anyway). */
export async function getCertificateChoices() {
  return (await unwrap(api.certificates.$get())).certificates;
}

export const certificateChoicesQueryOptions = () =>
  queryOptions({ queryKey: listingKeys.certificates, queryFn: getCertificateChoices });

export function useCertificateChoices() {
  return useQuery(certificateChoicesQueryOptions());
}
