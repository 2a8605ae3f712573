export { type Automaton, buildAutomaton, type MatchList } from './aho-corasick';
export {
  type ParsedNumber,
  parseAmountAt,
  parseChineseAmount,
  parseChineseNumber,
  parseNumberAt,
  parseNumberBefore,
} from './chinese-number';
export { scan } from './engine';
export {
  materialFamiliesIn,
  type ParsedIdentification,
  parseIdentification,
  type TreatmentStatus,
} from './identification';
export { MATERIAL_FAMILIES, type MaterialFamily } from './materials';
export { type CheckId, type CompiledRuleSet, compileRuleSet, type Rule, type RuleSet } from './rule-set';
export { defaultRuleSet, RULE_SET_VERSION } from './rules';
export {
  COMPLIANCE_CATEGORIES,
  type ComplianceCategory,
  type ComplianceContext,
  type ComplianceFlag,
  complianceCategorySchema,
  complianceContextSchema,
  complianceFlagSchema,
  type LocalizedText,
  localizedTextSchema,
  SEVERITIES,
  type Severity,
  severitySchema,
} from './types';
