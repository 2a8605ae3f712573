import type { LocalizedText } from '../types';

/** Builds a bilingual text; zh-CN first because that is what hosts read. */
export function bilingual(zhCN: string, en: string): LocalizedText {
  return { 'zh-CN': zhCN, en };
}

// Legal bases quoted on flags. Article numbers as published; check the wording before quoting them to a
// merchant in a notice.
export const BASIS = {
  absoluteTerms:
    '《中华人民共和国广告法》第九条第（三）项；《广告绝对化用语执法指南》（市场监管总局2023年第6号）',
  superstition: '《中华人民共和国广告法》第九条第（八）项（迷信）',
  gambling:
    '《中华人民共和国广告法》第九条第（八）项（赌博）；《网络直播营销管理办法（试行）》第十八条第（七）项',
  medical: '《中华人民共和国广告法》第十七条',
  investment: '《中华人民共和国广告法》第二十五条',
  falseAdvertising: '《中华人民共和国广告法》第二十八条；《网络直播营销管理办法（试行）》第十八条第（二）项',
  treatmentNaming:
    'GB/T 16552《珠宝玉石 名称》（处理须在名称中注明）；《中华人民共和国广告法》第二十八条第二款第（二）项',
  certificate: '《中华人民共和国广告法》第二十八条第二款第（二）项；GB/T 16553《珠宝玉石 鉴定》',
  naming: 'GB/T 16552《珠宝玉石 名称》（不得使用易混淆、误导性名称）',
  origin: '《中华人民共和国广告法》第二十八条第二款第（二）项（产地）；GB/T 16552（产地不参与定名）',
  price: '《明码标价和禁止价格欺诈规定》（2022）第十三条（被比较价格）、第十九条（虚假价格比较）',
  salesData: '《网络直播营销管理办法（试行）》第十八条第（四）项；《中华人民共和国反不正当竞争法》第八条',
  scarcity: '《网络直播营销管理办法（试行）》第十八条第（二）项；《中华人民共和国反不正当竞争法》第八条',
  scriptedScene: '《网络直播营销管理办法（试行）》第十八条第（二）项；《中华人民共和国反不正当竞争法》第八条',
  offPlatform: '《网络直播营销管理办法（试行）》第十八条第（二）、（八）项；平台服务协议（禁止引导站外交易）',
} as const;
