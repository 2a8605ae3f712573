import type { LocalizedText } from '../types';

/** Builds a bilingual text; zh-CN first because that is what hosts read. */
export function bilingual(zhCN: string, en: string): LocalizedText {
  return { 'zh-CN': zhCN, en };
}

// Legal bases quoted on flags, checked against published texts (2026; see the report of the basis review
// for sources). Where only a law's content could be confirmed and not its article number, the law is
// named without a number rather than with a guessed one. Check the wording before quoting a basis to a
// merchant in a notice.
//
// Notes:
// - 《广告法》 (2021 amendment): 9(3) absolute terms; 9(8) lists 淫秽、色情、赌博、迷信、恐怖、暴力 (so
//   superstition and gambling share item 8); 17 disease treatment outside medical ads; 25(1) guaranteed
//   returns in ads for goods "with an expected investment return"; 28(2)(2) false performance, origin,
//   quality, price, sales status.
// - 《反不正当竞争法》 was revised in 2025 (in force 2025-10-15): false commercial publicity, incl. false
//   sales status and organised fake transactions, moved from art. 8 to art. 9.
// - 《网络直播营销管理办法（试行）》 art. 18: (2) false or misleading information, (4) faked transaction and
//   traffic data, (7) pyramid selling, fraud, gambling …, (8) other violations. The platform's duty to warn
//   users about off-platform private dealing is in the same 办法, article number not confirmed.
// - 《明码标价和禁止价格欺诈规定》 (SAMR Order No. 56): art. 16 comparison price (undeclared = lowest deal
//   price of the previous 7 days), art. 19(3) false discounts / price comparisons. Earlier text cited
//   art. 13, which is about online price display.
// - 《电子商务法》 forbids 虚构交易、编造用户评价 (its art. 17 by recollection; the number was not confirmed
//   from a source, so it is not quoted).
// - 《直播电商监督管理办法》 (DOMAIN.md: in force 2026-02-01, price comparisons must show their base) is
//   not quoted until its article numbers are confirmed.
export const BASIS = {
  absoluteTerms:
    '《中华人民共和国广告法》第九条第（三）项；《广告绝对化用语执法指南》（市场监管总局公告2023年第6号）',
  superstition: '《中华人民共和国广告法》第九条第（八）项（迷信）',
  gambling:
    '《中华人民共和国广告法》第九条第（八）项（赌博）；《网络直播营销管理办法（试行）》第十八条第（七）项',
  medical: '《中华人民共和国广告法》第十七条',
  investment: '《中华人民共和国广告法》第二十五条第（一）项',
  falseAdvertising: '《中华人民共和国广告法》第二十八条；《网络直播营销管理办法（试行）》第十八条第（二）项',
  treatmentNaming:
    'GB/T 16552—2017《珠宝玉石 名称》5.4.2.2（处理须在名称中注明）；《中华人民共和国广告法》第二十八条第二款第（二）项',
  certificate: '《中华人民共和国广告法》第二十八条第二款第（二）项；GB/T 16553《珠宝玉石 鉴定》',
  naming: 'GB/T 16552—2017《珠宝玉石 名称》（不得使用易混淆、误导性名称）',
  origin: '《中华人民共和国广告法》第二十八条第二款第（二）项（产地）；GB/T 16552—2017（产地不参与定名）',
  price:
    '《明码标价和禁止价格欺诈规定》（市场监管总局令第56号）第十六条（被比较价格）、第十九条第（三）项（虚假价格比较）',
  salesData:
    '《网络直播营销管理办法（试行）》第十八条第（四）项；《中华人民共和国反不正当竞争法》（2025年修订）第九条；《中华人民共和国电子商务法》（虚构交易）',
  scarcity:
    '《网络直播营销管理办法（试行）》第十八条第（二）项；《中华人民共和国反不正当竞争法》（2025年修订）第九条',
  scriptedScene:
    '《网络直播营销管理办法（试行）》第十八条第（二）项；《中华人民共和国反不正当竞争法》（2025年修订）第九条',
  offPlatform: '《网络直播营销管理办法（试行）》第十八条第（二）、（八）项；平台服务协议（禁止引导站外交易）',
} as const;
