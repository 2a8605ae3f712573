/**
 * A lab's own query service (e.g. a lab's certificate look-up by number). None is reachable from
 * this product's machines, so none ships; an adapter per lab plugs in here and the platform then
 * confirms sellers' registrations by itself.
 */
export interface CertificateLookup {
  name: string;
  /** Whether this adapter can answer for a lab of that name. */
  handles(labName: string): boolean;
  lookup(labName: string, number: string): Promise<CertificateLookupResult>;
}

export type CertificateLookupResult =
  | { found: false }
  | { found: true; identification: string; weightMg: number | null; weightCt100: number | null };
