import { z } from 'zod';

/** The fourteen claim categories, in the order the console lists them. */
export const COMPLIANCE_CATEGORIES = [
  'absolute_term',
  'false_treatment',
  'certificate_mismatch',
  'misleading_name',
  'investment_promise',
  'medical_claim',
  'superstition',
  'price_fraud',
  'fake_scarcity',
  'fake_sales_data',
  'false_origin',
  'scripted_scene',
  'gambling',
  'off_platform',
] as const;

export const complianceCategorySchema = z.enum(COMPLIANCE_CATEGORIES);
export type ComplianceCategory = z.infer<typeof complianceCategorySchema>;

/** `block` stops the claim, `warn` asks the host to rephrase, `info` is a note for the reviewer. */
export const SEVERITIES = ['block', 'warn', 'info'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/** Higher is more severe; used to keep the strongest of overlapping flags. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { block: 3, warn: 2, info: 1 };

export const localizedTextSchema = z.object({ 'zh-CN': z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const nonNegativeInt = z.number().int().nonnegative();

/**
 * What the engine may know about the goods being talked about. Every field is optional: a claim is only
 * checked against facts that are present, so an empty context never produces a contradiction flag.
 */
export const complianceContextSchema = z.object({
  certificate: z
    .object({
      /** The identification result exactly as printed, e.g. 翡翠（处理）手镯. */
      identification: z.string().optional(),
      weightGrams: z.number().nonnegative().optional(),
      weightMg: nonNegativeInt.optional(),
      /** Hundredths of a carat. */
      weightCt100: nonNegativeInt.optional(),
      origin: z.string().optional(),
    })
    .optional(),
  listing: z
    .object({
      priceFen: nonNegativeInt.optional(),
      stock: nonNegativeInt.optional(),
      soldCount: nonNegativeInt.optional(),
      lowestDealPriceFen7d: nonNegativeInt.optional(),
      comparisonPriceFen: nonNegativeInt.optional(),
    })
    .optional(),
});
export type ComplianceContext = z.infer<typeof complianceContextSchema>;

export const complianceFlagSchema = z.object({
  category: complianceCategorySchema,
  ruleId: z.string(),
  severity: severitySchema,
  /** UTF-16 code unit offset of the flagged claim in the scanned text. */
  start: nonNegativeInt,
  /** Exclusive end offset. */
  end: nonNegativeInt,
  /** Law or standard and article the claim offends. */
  basis: z.string(),
  message: localizedTextSchema,
  suggestion: localizedTextSchema,
});
export type ComplianceFlag = z.infer<typeof complianceFlagSchema>;
