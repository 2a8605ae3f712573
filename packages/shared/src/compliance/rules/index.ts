import type { RuleSet } from '../rule-set';
import { advertisingRules } from './advertising';
import { goodsRules } from './goods';
import { NEGATION_CUES } from './negation';
import { sellingRules } from './selling';

/** Bump when rules change in a way that can change flags, so stored scan results say what judged them. */
export const RULE_SET_VERSION = '2025.1.1';

/** The rules Jadelive checks live claims against. */
export const defaultRuleSet: RuleSet = {
  version: RULE_SET_VERSION,
  rules: [...advertisingRules, ...goodsRules, ...sellingRules],
  negation: NEGATION_CUES,
};
