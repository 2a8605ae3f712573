import { describe, expect, it } from 'vitest';
import { testTranslator } from '../../../i18n/testing';
import { factSentences, speakerLabel } from './flag-words';

const facts = {
  certificate: {
    identification: '翡翠（处理）手镯',
    number: 'NGTC-2026-0815',
    labName: '国检重庆站',
    weightMg: 36_800,
  },
  listing: {
    id: '5f0c2a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f',
    title: '冰种飘花手镯',
    priceFen: 128_800,
    lowestDealPriceFen7d: 99_900,
    stock: 3,
    soldCount: 12,
  },
};

describe('flag facts as sentences', () => {
  it('names the certificate, the 7-day lowest deal price in 元, stock and sales (zh-CN)', () => {
    const t = testTranslator('zh-CN');
    expect(factSentences(t, facts)).toEqual([
      '证书 NGTC-2026-0815（国检重庆站出具）的鉴定结果为「翡翠（处理）手镯」',
      '证书标注质量 36.8 g',
      '「冰种飘花手镯」标价 ¥1,288.00',
      '「冰种飘花手镯」近 7 日最低成交价 ¥999.00',
      '库存 3 件，已售 12 件',
    ]);
  });

  it('reads the same facts in English', () => {
    const t = testTranslator('en');
    expect(factSentences(t, facts)).toEqual([
      'Certificate NGTC-2026-0815 (issued by 国检重庆站) identifies the piece as 「翡翠（处理）手镯」',
      'Weight on the certificate: 36.8 g',
      'Listed price of 「冰种飘花手镯」: ¥1,288.00',
      'Lowest deal price of 「冰种飘花手镯」 in the last 7 days: ¥999.00',
      '3 in stock, 12 sold',
    ]);
  });

  it('says when there was no deal in 7 days, and words an inspection', () => {
    const t = testTranslator('zh-CN');
    expect(
      factSentences(t, {
        listing: { priceFen: 500_00, stock: 1, soldCount: 0 },
        inspection: { labName: '国检重庆站', identification: '玻璃', note: '' },
      }),
    ).toEqual([
      '本商品标价 ¥500.00',
      '本商品近 7 日没有成交',
      '库存 1 件，已售 0 件',
      '国检重庆站就地检验结果为「玻璃」',
    ]);
    expect(factSentences(t, {})).toEqual([]);
  });

  it('names the speaker with its role', () => {
    const t = testTranslator('zh-CN');
    expect(speakerLabel(t, { kind: 'viewer', userId: null, name: '翡翠迷小王' })).toBe('观众 翡翠迷小王');
    expect(speakerLabel(t, { kind: 'caption_feed', userId: null, name: '主播' })).toBe('直播字幕（主播）');
    expect(speakerLabel(t, { kind: 'listing_text', userId: null, name: null })).toBe('商品描述');
    const en = testTranslator('en');
    expect(speakerLabel(en, { kind: 'co_host', userId: null, name: 'Li' })).toBe('Co-host Li');
  });
});
