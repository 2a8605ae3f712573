import { regionContains } from '../regions';
import type { Check } from './types';

/**
 * An origin claim (缅甸, 新疆和田, 若羌 …) against the certificate's origin: backed when the certificate names
 * the same place or a place inside it; unbacked (warn) when the certificate states no origin or a coarser
 * one; contradicted (block) when it names somewhere else.
 */
export const origin: Check = (hit, facts) => {
  const claimed = hit.tag;
  if (claimed === undefined) return null;
  const statedRegions = facts.certificateRegions();
  if (statedRegions.length === 0) return 'warn';
  if (statedRegions.some((region) => regionContains(claimed, region))) return null;
  if (statedRegions.some((region) => regionContains(region, claimed))) return 'warn';
  return 'block';
};

/** 矿区直供 / 源头直发: a sourcing story with no origin on the certificate to anchor it. */
export const sourcing: Check = (hit, facts) => {
  const stated = facts.context.certificate?.origin;
  return stated === undefined || stated.trim() === '' ? hit.rule.severity : null;
};
