import { parseAmountAt, parseNumberAt, parseNumberBefore } from '../chinese-number';
import type { Check } from './types';

/** Words hosts put between a price word and the amount: 原价是一万八, 专柜要卖29999. */
const PRICE_FILLER = new Set([
  ...'是要都卖为：:在得标价至少起码高达就那可写的也呢啊呀了到有差不多将近接近大概约，,',
]);
/** Words that introduce today's price after a comparison price: the "原价X，今天只要Y" script. */
const DEAL_CUES = [
  '只要',
  '只需',
  '仅需',
  '到手',
  '只卖',
  '秒杀',
  '福利价',
  '直播间',
  '今天',
  '现在',
  '给你们',
  '给大家',
  '我们这里',
  '我们只',
  '才',
];
/** How far after a comparison price we look for "今天只要…". */
const DEAL_CUE_WINDOW = 24;

function amountAfter(text: string, from: number, limit: number) {
  let i = from;
  while (i < limit && i < from + 6 && PRICE_FILLER.has(text[i] ?? '')) i++;
  return parseAmountAt(text, i);
}

/**
 * 原价 / 划线价 / 专柜价 … with an amount above the lowest deal price of the past 7 days. Without that
 * figure, the classic "原价X，今天只要Y" script is still a warning: the comparison price has no stated base.
 */
export const comparisonPrice: Check = (hit, facts) => {
  const listing = facts.context.listing;
  const amount = amountAfter(hit.text, hit.end, hit.clauseEnd + 1);
  const claimedFen = amount?.fen ?? (hit.tag === 'listed' ? listing?.comparisonPriceFen : undefined);
  if (claimedFen === undefined || claimedFen === 0) return null;
  const end = amount?.end ?? hit.end;
  const lowest = listing?.lowestDealPriceFen7d;
  hit.flagEnd = end;
  if (lowest !== undefined) return claimedFen > lowest ? 'block' : null;
  if (amount === null) return null;
  const window = hit.text.slice(end, end + DEAL_CUE_WINDOW);
  for (const cue of DEAL_CUES) {
    const at = window.indexOf(cue);
    if (at < 0) continue;
    // "原价一千八，今天也是一千八" announces no discount.
    const deal = amountAfter(window, at + cue.length, window.length);
    if (deal !== null && deal.fen >= claimedFen) return null;
    return hit.rule.severity;
  }
  return null;
};

/**
 * 破价 / 史低 / 直降 N: a price cut claim while the current price is not below the 7-day low (or the implied
 * comparison price, current + cut, is above it).
 */
export const priceDrop: Check = (hit, facts) => {
  const listing = facts.context.listing;
  const lowest = listing?.lowestDealPriceFen7d;
  const price = listing?.priceFen;
  if (lowest === undefined || price === undefined) return null;
  const cut = hit.tag === 'amount' ? amountAfter(hit.text, hit.end, hit.clauseEnd + 1) : null;
  if (cut !== null) {
    hit.flagEnd = cut.end;
    return price + cut.fen > lowest ? hit.rule.severity : null;
  }
  return price >= lowest ? hit.rule.severity : null;
};

const COUNT_UNITS = new Set([...'件个只条串对份套支枚颗单块款']);

/** 仅剩3件 / 最后一件 / 限量10件 / 孤品 while live stock is larger. */
export const scarcityCount: Check = (hit, facts) => {
  const stock = facts.context.listing?.stock;
  if (stock === undefined) return null;
  if (hit.tag !== undefined) return stock > Number(hit.tag) ? hit.rule.severity : null;
  let i = hit.end;
  while (i < hit.end + 3 && (hit.text[i] === '最' || hit.text[i] === '后' || hit.text[i] === '下')) i++;
  const count = parseNumberAt(hit.text, i);
  if (count === null || !COUNT_UNITS.has(hit.text[count.end] ?? '')) return null;
  if (stock <= count.value) return null;
  hit.flagEnd = count.end + 1;
  return hit.rule.severity;
};

/** How many pieces still make "库存不多 / 马上售罄" plausible. */
const FEW_PIECES = 10;

/** 库存不多 / 马上售罄 with plenty in stock. */
export const scarcityVague: Check = (hit, facts) => {
  const stock = facts.context.listing?.stock;
  return stock !== undefined && stock > FEW_PIECES ? hit.rule.severity : null;
};

const SALES_FILLER = new Set([...'了已经有超过都将近快差不多足足整整近']);
/** Sales words after which a bare number is a count (已售3000+); after 卖了 a unit is required. */
const UNIT_OPTIONAL = new Set(['已售', '销量', '月销', '累计销售', '售出', '已经售出']);

/** 卖了两万多单 / 已售3000+ / 销量破万 with fewer real sales. */
export const salesCountAfter: Check = (hit, facts) => {
  const sold = facts.context.listing?.soldCount;
  if (sold === undefined) return null;
  let i = hit.end;
  while (i < hit.end + 4 && SALES_FILLER.has(hit.text[i] ?? '')) i++;
  const count = parseNumberAt(hit.text, i);
  if (count === null) return null;
  const unit = hit.text[count.end] ?? '';
  const hasUnit = COUNT_UNITS.has(unit) || (unit === '多' && COUNT_UNITS.has(hit.text[count.end + 1] ?? ''));
  const phrase = hit.text.slice(hit.start, hit.end);
  if (!hasUnit && !count.atLeast && !UNIT_OPTIONAL.has(phrase)) return null;
  if (count.value <= sold) return null;
  hit.flagEnd = hasUnit ? count.end + 1 : count.end;
  return hit.rule.severity;
};

const MEASURE_WORDS = new Set([...'个位名']);

/** 两万多人买了 / 五百个家人下单 with fewer real sales. */
export const salesCountBefore: Check = (hit, facts) => {
  const sold = facts.context.listing?.soldCount;
  if (sold === undefined) return null;
  let end = hit.start;
  if (MEASURE_WORDS.has(hit.text[end - 1] ?? '')) end--;
  const count = parseNumberBefore(hit.text, end);
  if (count === null || count.value <= sold) return null;
  hit.flagStart = count.start;
  return hit.rule.severity;
};

/** Below this many sales, 卖爆了 / 卖断货 is not a description but an invention. */
const HYPE_MIN_SALES = 10;

/** 卖爆了 / 卖断货 with a handful of real sales. */
export const salesHype: Check = (hit, facts) => {
  const sold = facts.context.listing?.soldCount;
  return sold !== undefined && sold < HYPE_MIN_SALES ? hit.rule.severity : null;
};
