import type { ParsedIdentification } from '../identification';
import type { MaterialFamily } from '../materials';
import type { Rule } from '../rule-set';
import type { ComplianceContext, Severity } from '../types';

/**
 * One trigger occurrence that survived exceptions and negation. The engine reuses one object per scan, so
 * checks must not keep it.
 */
export interface TriggerHit {
  text: string;
  start: number;
  end: number;
  /** Span to flag; starts equal to start/end, a check widens it to cover an amount or a number. */
  flagStart: number;
  flagEnd: number;
  rule: Rule;
  /** The rule's payload for this trigger phrase (material family, region, count …). */
  tag: string | undefined;
  /** End of the clause the trigger sits in, so checks never read into the next sentence. */
  clauseEnd: number;
}

/** The context plus derived facts, computed at most once per scan. */
export interface Facts {
  context: ComplianceContext;
  /** Parsed identification of the linked certificate, or null when there is none. */
  identification(): ParsedIdentification | null;
  /** Every material family the certificate mentions (a mounted piece mentions several). */
  certificateFamilies(): readonly MaterialFamily[];
  /** Region ids named by the certificate's origin (empty without one). */
  certificateRegions(): readonly string[];
}

/** A check's verdict: the flag's severity, or null for no flag. */
export type CheckOutcome = Severity | null;

export type Check = (hit: TriggerHit, facts: Facts) => CheckOutcome;
