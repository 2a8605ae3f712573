import type { CheckId } from '../rule-set';
import {
  certificateMissing,
  freshwaterSoldAsSeawater,
  glassSoldAsCrystal,
  materialMismatch,
  pearlWaterMismatch,
  treatedCertificate,
  weightCarats,
  weightGrams,
} from './certificate';
import {
  comparisonPrice,
  priceDrop,
  salesCountAfter,
  salesCountBefore,
  salesHype,
  scarcityCount,
  scarcityVague,
} from './listing';
import { origin, sourcing } from './origin';
import type { Check } from './types';

export type { Check, CheckOutcome, Facts, TriggerHit } from './types';

/** Every check a rule can name. */
export const CHECKS: Readonly<Record<CheckId, Check>> = {
  always: (hit) => hit.rule.severity,
  treatedCertificate,
  materialMismatch,
  pearlWaterMismatch,
  weightGrams,
  weightCarats,
  certificateMissing,
  freshwaterSoldAsSeawater,
  glassSoldAsCrystal,
  origin,
  sourcing,
  comparisonPrice,
  priceDrop,
  scarcityCount,
  scarcityVague,
  salesCountAfter,
  salesCountBefore,
  salesHype,
};
