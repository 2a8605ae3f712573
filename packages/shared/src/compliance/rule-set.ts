import { type Automaton, buildAutomaton } from './aho-corasick';
import { EVASION_SPELLINGS } from './evasions';
import { normalizeText } from './normalize';
import type { ComplianceCategory, LocalizedText, Severity } from './types';

/**
 * Name of the context check a rule runs after a trigger matched and survived its exceptions. Checks live
 * in `checks/`; keeping only the name here lets rule sets stay plain data (versioned, serialisable).
 */
export type CheckId =
  | 'always'
  | 'treatedCertificate'
  | 'materialMismatch'
  | 'pearlWaterMismatch'
  | 'weightGrams'
  | 'weightCarats'
  | 'certificateMissing'
  | 'freshwaterSoldAsSeawater'
  | 'glassSoldAsCrystal'
  | 'origin'
  | 'sourcing'
  | 'comparisonPrice'
  | 'priceDrop'
  | 'scarcityCount'
  | 'scarcityVague'
  | 'salesCountAfter'
  | 'salesCountBefore'
  | 'salesHype';

export interface Rule {
  /** Stable id, `<category>.<name>`; flags carry it so reviewers can look the rule up. */
  id: string;
  category: ComplianceCategory;
  severity: Severity;
  /** Law or standard and article. */
  basis: string;
  message: LocalizedText;
  suggestion: LocalizedText;
  /**
   * Literal phrases; matching ignores ASCII case, full-width forms and spaces, and sees the text and the
   * phrases after normalize.ts (simplified characters, evasion spellings as plain names).
   */
  triggers: readonly string[];
  /** Payload per trigger for the check (a material family, a region, a fixed count …). */
  triggerTags?: Readonly<Record<string, string>>;
  /** Phrases that exempt a trigger they overlap (最新款 for 最新, 和田玉 for 和田). */
  exceptions?: readonly string[];
  /**
   * A trigger directly preceded by one of these is exempt (你最好 …). Checked on the text around a match
   * rather than added to the automaton, where every trigger × prefix pair would be a pattern.
   */
  notPrecededBy?: readonly string[];
  /** A trigger directly followed by one of these is exempt (新疆的朋友, 会涨价 …). */
  notFollowedBy?: readonly string[];
  /** Phrases that exempt a trigger anywhere in the same clause (寓意 for 招财, 店里 for 最好). */
  clauseExceptions?: readonly string[];
  /**
   * Where clauseExceptions reach: the trigger's clause (default) or its whole sentence, for disclosures
   * that follow in the next clause ("天然翡翠原料，经过充填处理").
   */
  exceptionScope?: 'clause' | 'sentence';
  /** False for phrases that stay violations even after a negator (rare); default true. */
  negatable?: boolean;
  /** Skip the trigger when its clause is a question (a host repeating a viewer's question). */
  ignoreQuestions?: boolean;
  check?: CheckId;
}

export interface NegationCues {
  /** Negators before a trigger (不是, 没有, 不保证 …). */
  before: readonly string[];
  /** Disclaimers right after a trigger (…说不准, …都是骗人的). */
  after: readonly string[];
  /** Phrases that contain a negator but do not negate (不要错过, 非常, 特别). */
  breakers: readonly string[];
  /** Largest gap, in code units, between a negator and the trigger it negates. */
  maxGapBefore: number;
  maxGapAfter: number;
}

export interface RuleSet {
  version: string;
  rules: readonly Rule[];
  negation: NegationCues;
}

/** What one automaton pattern means; a phrase can play several roles. */
export type PatternRole =
  | {
      kind: 'trigger';
      rule: number;
      tag: string | undefined;
      /**
       * A phrase written as an evasion (薇信, v信) normalises to a plain name (微信) its rule does not
       * list on its own; it counts only where the text was rewritten there, so 薇信 and ＶＸ are flagged
       * and a plain 微信 is not, as before normalisation.
       */
      onlyRewritten: boolean;
    }
  | { kind: 'overlapException'; rule: number }
  | { kind: 'clauseException'; rule: number }
  | { kind: 'negator' }
  | { kind: 'postNegator' }
  | { kind: 'negationBreaker' };

export interface CompiledRuleSet {
  ruleSet: RuleSet;
  automaton: Automaton;
  /** Roles per pattern id. */
  roles: readonly (readonly PatternRole[])[];
  /** Pattern ids that have at least one trigger role, for the fast path. */
  isTrigger: Uint8Array;
  maxPatternLength: number;
}

const compiledCache = new WeakMap<RuleSet, CompiledRuleSet>();

/**
 * Compiles a rule set into one automaton holding every trigger, exception and negation cue, so a scan is a
 * single pass over the text. Memoised per rule-set object.
 */
export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const cached = compiledCache.get(ruleSet);
  if (cached !== undefined) return cached;

  const entries: { phrase: string; role: PatternRole }[] = [];
  ruleSet.rules.forEach((rule, index) => {
    for (const trigger of rule.triggers) {
      entries.push({
        phrase: trigger,
        role: {
          kind: 'trigger',
          rule: index,
          tag: rule.triggerTags?.[trigger],
          onlyRewritten: containsEvasion(trigger),
        },
      });
    }
    for (const phrase of rule.exceptions ?? []) {
      entries.push({ phrase, role: { kind: 'overlapException', rule: index } });
    }
    for (const phrase of rule.clauseExceptions ?? []) {
      entries.push({ phrase, role: { kind: 'clauseException', rule: index } });
    }
  });
  for (const phrase of ruleSet.negation.before) entries.push({ phrase, role: { kind: 'negator' } });
  for (const phrase of ruleSet.negation.after) entries.push({ phrase, role: { kind: 'postNegator' } });
  for (const phrase of ruleSet.negation.breakers) entries.push({ phrase, role: { kind: 'negationBreaker' } });

  // Phrases go through the scan's normaliser, so a phrase written in any form matches its text.
  for (const entry of entries) entry.phrase = normalizeText(entry.phrase).text;
  const automaton = buildAutomaton(entries.map((entry) => entry.phrase));
  const roles: PatternRole[][] = Array.from({ length: automaton.patternCount }, () => []);
  const isTrigger = new Uint8Array(automaton.patternCount);
  for (const entry of entries) {
    const id = automaton.idOf(entry.phrase);
    const list = roles[id]!;
    // The same phrase listed twice for the same purpose should not double-count; a plain spelling
    // (加微信) outranks an evasion of it (加vx).
    const existing = list.find((role) => sameRole(role, entry.role));
    if (existing === undefined) list.push(entry.role);
    else if (existing.kind === 'trigger' && entry.role.kind === 'trigger' && !entry.role.onlyRewritten) {
      existing.onlyRewritten = false;
    }
    if (entry.role.kind === 'trigger') isTrigger[id] = 1;
  }
  const maxPatternLength = automaton.patterns.reduce((max, p) => Math.max(max, p.length), 0);

  const compiled: CompiledRuleSet = { ruleSet, automaton, roles, isTrigger, maxPatternLength };
  compiledCache.set(ruleSet, compiled);
  return compiled;
}

/** Whether a rule phrase contains an evasion spelling that normalising rewrites (not a mere case change). */
function containsEvasion(phrase: string): boolean {
  const lowered = phrase.toLowerCase();
  return EVASION_SPELLINGS.some(
    ({ spelling, plain }) =>
      spelling.toLowerCase() !== plain.toLowerCase() && lowered.includes(spelling.toLowerCase()),
  );
}

function sameRole(a: PatternRole, b: PatternRole): boolean {
  if (a.kind !== b.kind) return false;
  if ('rule' in a && 'rule' in b) return a.rule === b.rule;
  return true;
}
