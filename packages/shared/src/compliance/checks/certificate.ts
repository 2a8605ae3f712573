import { type ParsedNumber, parseNumberAt, parseNumberBefore } from '../chinese-number';
import type { Check, CheckOutcome, Facts, TriggerHit } from './types';

/** 天然 / A货 / 无处理 claims about goods whose certificate declares a treatment. */
export const treatedCertificate: Check = (hit, facts) =>
  facts.identification()?.treatment === 'treated' ? hit.rule.severity : null;

/** A material named in speech that the certificate does not mention at all (翡翠 said of 石英岩玉). */
export const materialMismatch: Check = (hit, facts) => {
  if (hit.tag === undefined) return null;
  const families = facts.certificateFamilies();
  if (families.length === 0 || families.includes(hit.tag as never)) return null;
  return hit.rule.severity;
};

/** 海水珍珠 said of a freshwater pearl, or the reverse. */
export const pearlWaterMismatch: Check = (hit, facts) => {
  const water = facts.identification()?.pearlWater;
  return water != null && water !== hit.tag ? hit.rule.severity : null;
};

/** 澳白 (an Australian South Sea pearl) used for a freshwater pearl. */
export const freshwaterSoldAsSeawater: Check = (hit, facts) =>
  facts.identification()?.pearlWater === 'freshwater' ? hit.rule.severity : null;

/** 天然水晶 used for glass or resin. */
export const glassSoldAsCrystal: Check = (hit, facts) => {
  const family = facts.identification()?.materialFamily;
  return family === 'glass' || family === 'resin' ? hit.rule.severity : null;
};

/** "带国检证书" in a listing that has no certificate linked. */
export const certificateMissing: Check = (hit, facts) =>
  facts.context.listing !== undefined && facts.context.certificate === undefined ? hit.rule.severity : null;

const CHINESE_DIGIT_VALUES: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function isNumberChar(ch: string | undefined): boolean {
  return ch !== undefined && (/[0-9.十百千万]/.test(ch) || ch in CHINESE_DIGIT_VALUES);
}

const APPROXIMATE_BEFORE = ['大约', '大概', '差不多', '将近', '接近', '估计', '约'];
const APPROXIMATE_AFTER = ['左右', '上下', '出头'];
/** A per-gram price (580元一克, 每克) is not a weight claim. */
const PRICE_MARKERS_BEFORE = new Set(['每', '/', '元', '块', '钱']);
const LATIN_WORD_CHAR = /[A-Za-z0-9_]/;
const FILLER_AFTER_WEIGHT_WORD = new Set([...'是有约：:为在大概差不多']);

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * Whether a claimed weight agrees with the certificate allowing for rounding on both sides: 36.8 g on the
 * certificate agrees with 36.8克, 37克, 约37克 and 36.75克, not with 38.5克.
 */
export function weightAgrees(
  claim: ParsedNumber,
  approximate: boolean,
  actual: number,
  actualDecimals: number,
) {
  const tolerance = 0.5 * 10 ** -claim.decimals + 0.5 * 10 ** -actualDecimals + 1e-9;
  if (claim.atLeast) {
    const step = claim.value >= 10 ? 10 ** Math.floor(Math.log10(claim.value)) : 1;
    return actual >= claim.value - tolerance && actual < claim.value + step + tolerance;
  }
  if (approximate) return Math.abs(actual - claim.value) <= Math.max(tolerance, 0.5, actual * 0.03);
  return Math.abs(actual - claim.value) <= tolerance;
}

function checkWeight(hit: TriggerHit, actual: number, actualDecimals: number): CheckOutcome {
  const { text, start, end, tag } = hit;
  let claim: ParsedNumber | null;
  let spanStart: number;
  let spanEnd: number;
  if (tag === 'after') {
    // 克重36.8 / 重量：38.5克
    let i = end;
    while (i < end + 3 && FILLER_AFTER_WEIGHT_WORD.has(text[i] ?? '')) i++;
    claim = parseNumberAt(text, i);
    spanStart = start;
    spanEnd = claim?.end ?? end;
    if (claim !== null && (text.startsWith('克', spanEnd) || text.startsWith('g', spanEnd))) spanEnd++;
  } else {
    claim = parseNumberBefore(text, start);
    if (claim === null) return null;
    const before = text[claim.start - 1] ?? '';
    if (PRICE_MARKERS_BEFORE.has(before)) return null;
    // 3g inside a Latin token (an order code like mxbjl3g3) is no weight.
    if (
      LATIN_WORD_CHAR.test(before) ||
      (LATIN_WORD_CHAR.test(text[end - 1] ?? '') && LATIN_WORD_CHAR.test(text[end] ?? ''))
    ) {
      return null;
    }
    spanStart = claim.start;
    spanEnd = end;
    // 一克拉二 / 三十七克五: a digit after the unit is the first decimal.
    const tail = CHINESE_DIGIT_VALUES[text[end] ?? ''];
    if (tail !== undefined && !isNumberChar(text[end + 1]) && claim.decimals === 0 && !claim.atLeast) {
      claim = { ...claim, value: claim.value + tail / 10, decimals: 1 };
      spanEnd = end + 1;
    }
  }
  if (claim === null) return null;
  const lead = text.slice(Math.max(0, claim.start - 3), claim.start);
  const tail = text.slice(spanEnd, spanEnd + 2);
  const approximate =
    APPROXIMATE_BEFORE.some((word) => lead.endsWith(word)) || APPROXIMATE_AFTER.some((word) => tail === word);
  if (weightAgrees(claim, approximate, actual, actualDecimals)) return null;
  hit.flagStart = spanStart;
  hit.flagEnd = spanEnd;
  return hit.rule.severity;
}

function certificateGrams(facts: Facts): { grams: number; decimals: number } | null {
  const certificate = facts.context.certificate;
  if (certificate?.weightGrams !== undefined) {
    return { grams: certificate.weightGrams, decimals: decimalsOf(certificate.weightGrams) };
  }
  if (certificate?.weightMg !== undefined) return { grams: certificate.weightMg / 1000, decimals: 3 };
  return null;
}

/** A weight in grams that the certificate's total mass contradicts. */
export const weightGrams: Check = (hit, facts) => {
  const actual = certificateGrams(facts);
  if (actual === null) return null;
  // Upper-case G after a number is 5G, not grams.
  if (hit.text[hit.start] === 'G') return null;
  return checkWeight(hit, actual.grams, actual.decimals);
};

/** A weight in carats that the certificate's mass (in hundredths of a carat) contradicts. */
export const weightCarats: Check = (hit, facts) => {
  const ct100 = facts.context.certificate?.weightCt100;
  if (ct100 === undefined) return null;
  return checkWeight(hit, ct100 / 100, 2);
};
