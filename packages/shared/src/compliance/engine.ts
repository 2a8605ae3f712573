import { emptyMatchList, type MatchList } from './aho-corasick';
import { CHECKS, type Facts, type TriggerHit } from './checks';
import { isQuestion, MAX_CLAUSE_REACH, sentenceEnd, sentenceStart } from './clause';
import { materialFamiliesIn, type ParsedIdentification, parseIdentification } from './identification';
import type { MaterialFamily } from './materials';
import { type NormalizedText, normalizeText } from './normalize';
import { regionsIn } from './regions';
import { type CompiledRuleSet, compileRuleSet, type Rule, type RuleSet } from './rule-set';
import { defaultRuleSet } from './rules';
import { COMPLIANCE_CATEGORIES, type ComplianceContext, type ComplianceFlag, SEVERITY_RANK } from './types';

/**
 * Match buffers reused from one scan to the next (scan is synchronous and never re-entered), so a scan
 * allocates nothing per match. They keep the size of the largest text scanned, 12 bytes per match.
 */
let scratch: MatchList = emptyMatchList();

function factsFor(context: ComplianceContext): Facts {
  let identification: ParsedIdentification | null | undefined;
  let families: MaterialFamily[] | undefined;
  let regions: string[] | undefined;
  return {
    context,
    certificateRegions() {
      if (regions === undefined) {
        const raw = context.certificate?.origin;
        regions = raw === undefined ? [] : regionsIn(raw);
      }
      return regions;
    },
    certificateFamilies() {
      if (families === undefined) {
        const raw = context.certificate?.identification;
        families = raw === undefined ? [] : materialFamiliesIn(raw);
      }
      return families;
    },
    identification() {
      if (identification === undefined) {
        const raw = context.certificate?.identification;
        identification = raw === undefined ? null : parseIdentification(raw);
      }
      return identification;
    },
  };
}

/**
 * Scans one text (a caption, a transcript segment, a whole replay) for claims that break the rules of
 * `ruleSet`, checking contradictions against `context` (certificate, listing).
 *
 * The text is normalised first (traditional characters, full-width forms, symbols between characters,
 * evasion spellings, lone digits; see normalize.ts); flag offsets point into the text as given.
 *
 * Literal triggers, exceptions and negators are all found in one pass of an Aho-Corasick automaton built
 * once per rule set; only matched triggers pay for context checks. Flags are sorted by start offset, and
 * overlapping flags of one category are merged keeping the most severe.
 */
export function scan(
  text: string,
  context: ComplianceContext = {},
  ruleSet: RuleSet = defaultRuleSet,
): ComplianceFlag[] {
  const normalized = normalizeText(text);
  const flags = scanNormalized(normalized, context, ruleSet);
  if (normalized.changed) {
    for (const flag of flags) {
      flag.start = normalized.originalStart(flag.start);
      flag.end = normalized.originalEnd(flag.end);
    }
  }
  return flags;
}

/** The scan proper, over text already normalised; offsets are the normalised text's. */
function scanNormalized(
  normalized: NormalizedText,
  context: ComplianceContext,
  ruleSet: RuleSet,
): ComplianceFlag[] {
  const { text } = normalized;
  const compiled = compileRuleSet(ruleSet);
  const matches = compiled.automaton.findAll(text, scratch);
  scratch = matches;
  if (matches.count === 0) return [];
  const facts = factsFor(context);
  const flags: ComplianceFlag[] = [];
  const { patternIds, starts, ends, boundaries, boundaryCount } = matches;
  // Matches come in order of their end, so the next boundary only moves forward.
  let nextBoundary = 0;
  // One reusable hit: a scan of a long transcript can see hundreds of thousands of triggers.
  const hit: TriggerHit = {
    text,
    start: 0,
    end: 0,
    flagStart: 0,
    flagEnd: 0,
    rule: ruleSet.rules[0]!,
    tag: undefined,
    clauseEnd: 0,
  };

  for (let k = 0; k < matches.count; k++) {
    const patternId = patternIds[k]!;
    if (compiled.isTrigger[patternId] === 0) continue;
    const start = starts[k]!;
    const end = ends[k]!;
    while (nextBoundary < boundaryCount && boundaries[nextBoundary]! < end) nextBoundary++;
    const previous = nextBoundary > 0 ? boundaries[nextBoundary - 1]! + 1 : 0;
    const clauseStart = Math.max(previous, start - MAX_CLAUSE_REACH);
    const nextBoundaryAt = nextBoundary < boundaryCount ? boundaries[nextBoundary]! : text.length;
    const clauseEnd = Math.min(nextBoundaryAt, end + MAX_CLAUSE_REACH, text.length);
    const roles = compiled.roles[patternId]!;
    for (let r = 0; r < roles.length; r++) {
      const role = roles[r]!;
      if (role.kind !== 'trigger') continue;
      if (role.onlyRewritten && !normalized.rewritten(start, end)) continue;
      const rule = ruleSet.rules[role.rule]!;
      if (rule.ignoreQuestions && isQuestion(text, clauseEnd)) continue;
      if (hasAffixException(text, start, end, rule)) continue;
      hit.start = start;
      hit.end = end;
      hit.flagStart = start;
      hit.flagEnd = end;
      hit.rule = rule;
      hit.tag = role.tag;
      hit.clauseEnd = clauseEnd;
      // The check runs before the exception and negation walk: checks are pure, most are a comparison
      // with the context (翡翠 said of a jadeite certificate is no mismatch), and in real speech far more
      // triggers are cleared by their check than by a negator. Only would-be flags pay for the walk.
      const severity = CHECKS[rule.check ?? 'always'](hit, facts);
      if (severity === null) continue;
      if (isExempt(text, compiled, matches, k, role.rule, clauseStart, clauseEnd)) continue;
      flags.push({
        category: rule.category,
        ruleId: rule.id,
        severity,
        start: hit.flagStart,
        end: hit.flagEnd,
        basis: rule.basis,
        message: rule.message,
        suggestion: rule.suggestion,
      });
    }
  }
  return mergeFlags(flags);
}

/** notPrecededBy / notFollowedBy: 你最好 is advice, 新疆的朋友 is an audience, not an origin. */
function hasAffixException(text: string, start: number, end: number, rule: Rule): boolean {
  const before = rule.notPrecededBy;
  if (before !== undefined) {
    for (let i = 0; i < before.length; i++) {
      const prefix = before[i]!;
      if (text.startsWith(prefix, start - prefix.length)) return true;
    }
  }
  const after = rule.notFollowedBy;
  if (after !== undefined) {
    for (let i = 0; i < after.length; i++) if (text.startsWith(after[i]!, end)) return true;
  }
  return false;
}

type Matches = MatchList;

/**
 * Whether trigger match `k` of rule `ruleIndex` is exempted by an exception or negated. Looks only at
 * the matches inside the trigger's clause, which the automaton already found.
 */
function isExempt(
  text: string,
  compiled: CompiledRuleSet,
  matches: Matches,
  k: number,
  ruleIndex: number,
  clauseStart: number,
  clauseEnd: number,
): boolean {
  const { patternIds, starts, ends, count } = matches;
  const start = starts[k]!;
  const end = ends[k]!;
  const rule = compiled.ruleSet.rules[ruleIndex]!;
  const negation = compiled.ruleSet.negation;
  const negatable = rule.negatable !== false;
  // Clause exceptions may reach the whole sentence; everything else stays within the clause.
  let exceptionStart = clauseStart;
  let exceptionEnd = clauseEnd;
  if (rule.exceptionScope === 'sentence') {
    exceptionStart = Math.min(clauseStart, sentenceStart(text, start));
    exceptionEnd = Math.max(clauseEnd, sentenceEnd(text, end));
  }
  const windowStart = exceptionStart;
  const windowEnd = exceptionEnd;
  const first = firstInClause(ends, k, windowStart);
  const last = lastInClause(ends, k, count, windowEnd + compiled.maxPatternLength);

  for (let j = first; j <= last; j++) {
    if (j === k) continue;
    const s = starts[j]!;
    const e = ends[j]!;
    if (s < windowStart || e > windowEnd) continue;
    const inClause = s >= clauseStart && e <= clauseEnd;
    for (const role of compiled.roles[patternIds[j]!]!) {
      switch (role.kind) {
        case 'overlapException':
          if (role.rule === ruleIndex && s < end && e > start) return true;
          break;
        case 'clauseException':
          if (
            role.rule === ruleIndex &&
            s >= exceptionStart &&
            e <= exceptionEnd &&
            (e <= start || s >= end) &&
            !isCovered(compiled, matches, first, last, j, ruleIndex)
          ) {
            return true;
          }
          break;
        case 'negator':
          if (
            inClause &&
            negatable &&
            e <= start &&
            start - e <= negation.maxGapBefore &&
            !isCovered(compiled, matches, first, last, j, -1)
          ) {
            return true;
          }
          break;
        case 'postNegator':
          if (
            inClause &&
            negatable &&
            s >= end &&
            s - end <= negation.maxGapAfter &&
            !isCovered(compiled, matches, first, last, j, -1)
          ) {
            return true;
          }
          break;
        default:
          break;
      }
    }
  }
  return false;
}

function firstInClause(ends: Int32Array, k: number, clauseStart: number): number {
  let j = k;
  while (j > 0 && ends[j - 1]! > clauseStart) j--;
  return j;
}

function lastInClause(ends: Int32Array, k: number, count: number, reach: number): number {
  let j = k;
  while (j + 1 < count && ends[j + 1]! <= reach) j++;
  return j;
}

/**
 * Whether match `j` sits inside a longer match that changes its meaning: a negation breaker (不要错过
 * around 不要), any trigger (不染色 around 不), or — for clause exceptions — a trigger of the same rule
 * (无处理 around 处理 is a claim, not a disclosure). `ruleIndex` -1 means "negator".
 */
function isCovered(
  compiled: CompiledRuleSet,
  matches: Matches,
  first: number,
  last: number,
  j: number,
  ruleIndex: number,
): boolean {
  const { patternIds, starts, ends } = matches;
  const s = starts[j]!;
  const e = ends[j]!;
  for (let i = first; i <= last; i++) {
    if (i === j) continue;
    const cs = starts[i]!;
    const ce = ends[i]!;
    if (cs > s || ce < e || (cs === s && ce === e)) continue;
    for (const role of compiled.roles[patternIds[i]!]!) {
      if (ruleIndex < 0 && (role.kind === 'negationBreaker' || role.kind === 'trigger')) return true;
      if (ruleIndex >= 0 && role.kind === 'trigger' && role.rule === ruleIndex) return true;
    }
  }
  return false;
}

const CATEGORY_INDEX = new Map(COMPLIANCE_CATEGORIES.map((category, index) => [category, index]));

/**
 * Sorts by start offset, merges overlapping flags of one category (keeping the most severe), and drops a
 * certificate_mismatch that a misleading_name flag on the same words already explains (天然水晶 for glass).
 */
function mergeFlags(flags: ComplianceFlag[]): ComplianceFlag[] {
  sortNearlySorted(flags);
  const lastOfCategory = new Int32Array(COMPLIANCE_CATEGORIES.length).fill(-1);
  // Compacts in place: long transcripts produce many flags and a second array would double the garbage.
  let kept = 0;
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i]!;
    if (flag.category === 'certificate_mismatch' && explainedByMisleadingName(flags, i)) continue;
    const category = CATEGORY_INDEX.get(flag.category)!;
    const previousIndex = lastOfCategory[category]!;
    const previous = previousIndex < 0 ? undefined : flags[previousIndex];
    if (previous !== undefined && overlaps(previous, flag)) {
      if (SEVERITY_RANK[flag.severity] > SEVERITY_RANK[previous.severity]) flags[previousIndex] = flag;
      continue;
    }
    lastOfCategory[category] = kept;
    flags[kept++] = flag;
  }
  flags.length = kept;
  return flags;
}

function flagOrder(a: ComplianceFlag, b: ComplianceFlag): number {
  return a.start - b.start || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}

/**
 * Flags arrive in order of their trigger's end and only a widened span (an amount before 人买了) moves
 * one back a little, so insertion sort is linear here where a general sort is not.
 */
function sortNearlySorted(flags: ComplianceFlag[]): void {
  for (let i = 1; i < flags.length; i++) {
    const flag = flags[i]!;
    let j = i - 1;
    if (flagOrder(flags[j]!, flag) <= 0) continue;
    while (j >= 0 && flagOrder(flags[j]!, flag) > 0) {
      flags[j + 1] = flags[j]!;
      j--;
    }
    flags[j + 1] = flag;
  }
}

/** Looks at the sorted neighbours of flag `i` for a misleading_name flag over the same words. */
function explainedByMisleadingName(flags: ComplianceFlag[], i: number): boolean {
  const flag = flags[i]!;
  for (let j = i - 1; j >= 0 && flags[j]!.start > flag.start - MAX_CLAUSE_REACH; j--) {
    if (flags[j]!.category === 'misleading_name' && overlaps(flags[j]!, flag)) return true;
  }
  for (let j = i + 1; j < flags.length && flags[j]!.start < flag.end; j++) {
    if (flags[j]!.category === 'misleading_name') return true;
  }
  return false;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
