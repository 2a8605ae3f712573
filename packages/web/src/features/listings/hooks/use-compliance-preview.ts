import type { Certificate } from '@jadelive/shared';
import { type ComplianceContext, type ComplianceFlag, scan } from '@jadelive/shared/compliance';
import { useDeferredValue, useMemo } from 'react';

export interface PreviewFacts {
  title: string;
  description: string;
  certificate: Pick<Certificate, 'identification' | 'weightMg' | 'weightCt100' | 'origin'> | null;
  priceFen: number | null;
  stock: number | null;
  soldCount: number;
  comparisonPriceFen: number | null;
  lowestDealPriceFen7d: number | null;
}

/** The same context the server builds when it scans a listing (features/listings/rules.ts). */
export function previewContext(facts: PreviewFacts): ComplianceContext {
  const certificate = facts.certificate;
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null && entry !== undefined));
  return {
    ...(certificate
      ? {
          certificate: defined({
            identification: certificate.identification,
            weightMg: certificate.weightMg,
            weightCt100: certificate.weightCt100,
            origin: certificate.origin,
          }),
        }
      : {}),
    listing: defined({
      priceFen: facts.priceFen,
      stock: facts.stock,
      soldCount: facts.soldCount,
      comparisonPriceFen: facts.comparisonPriceFen,
      lowestDealPriceFen7d: facts.lowestDealPriceFen7d,
    }),
  };
}

/**
 * Runs the compliance engine in the browser on `title + '\n' + description` as the seller types.
 * The input is deferred so a long description never makes typing lag.
 */
export function useCompliancePreview(facts: PreviewFacts): { text: string; flags: ComplianceFlag[] } {
  const deferred = useDeferredValue(facts);
  return useMemo(() => {
    const text = `${deferred.title}\n${deferred.description}`;
    return { text, flags: scan(text, previewContext(deferred)) };
  }, [deferred]);
}
