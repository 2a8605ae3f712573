import { describe, expect, it } from 'vitest';
import { scan } from './engine';
import { defaultRuleSet } from './rules';
import { COMPLIANCE_CATEGORIES, type ComplianceContext, complianceFlagSchema } from './types';

const treatedJadeite: ComplianceContext = {
  certificate: { identification: '翡翠（处理）手镯', weightGrams: 36.8, origin: '缅甸' },
};

function categories(text: string, context: ComplianceContext = {}): string[] {
  return [...new Set(scan(text, context).map((flag) => flag.category))].sort();
}

describe('scan', () => {
  it('returns well-formed flags whose offsets point at the claim', () => {
    const text = '家人们，这是天然A货';
    const flags = scan(text, treatedJadeite);
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) {
      expect(complianceFlagSchema.parse(flag)).toEqual(flag);
      expect(['天然', 'A货']).toContain(text.slice(flag.start, flag.end));
    }
    expect(flags.map((flag) => flag.start)).toEqual(
      [...flags.map((flag) => flag.start)].sort((a, b) => a - b),
    );
  });

  it('uses only the fourteen category ids and has unique rule ids', () => {
    const ids = defaultRuleSet.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of defaultRuleSet.rules) expect(COMPLIANCE_CATEGORIES).toContain(rule.category);
  });

  it('merges overlapping flags of one category, keeping the most severe', () => {
    const flags = scan('这是全网最好的料子');
    expect(flags.filter((flag) => flag.category === 'absolute_term')).toHaveLength(1);
  });

  describe('negation and honest disclosure', () => {
    it.each([
      ['这不是 A 货，证书写的是处理', treatedJadeite],
      ['我们不保证升值', {}],
      ['玉石不能治病', {}],
      ['我们不做开光', {}],
      ['千万不要私下转账', {}],
      ['天然翡翠原料，经过充填处理', treatedJadeite],
      ['会不会升值说不准', {}],
    ] as const)('does not flag %s', (text, context) => {
      expect(scan(text, context)).toEqual([]);
    });

    it('keeps flagging when 不 is part of an ordinary word', () => {
      expect(categories('不要错过，全网最低价')).toEqual(['absolute_term']);
      expect(categories('非常好看，戴上能降血压')).toEqual(['medical_claim']);
    });
  });

  describe('each category against its context', () => {
    it('absolute_term honours the SAMR exemptions', () => {
      expect(categories('顶级帝王绿')).toEqual(['absolute_term']);
      expect(categories('我们店里最好的一款')).toEqual([]);
      expect(categories('最新款到货')).toEqual([]);
      expect(categories('力争做最好的服务')).toEqual([]);
    });

    it('false_treatment needs a treated certificate', () => {
      expect(categories('天然A货', treatedJadeite)).toEqual(['false_treatment']);
      expect(categories('天然A货', { certificate: { identification: '翡翠（A货）手镯' } })).toEqual([]);
      expect(categories('天然A货')).toEqual([]);
    });

    it('certificate_mismatch allows rounding on weights', () => {
      for (const claim of ['36.8克', '约37克', '36.75克', '37克']) {
        expect(categories(`这只镯子${claim}`, treatedJadeite), claim).toEqual([]);
      }
      const flags = scan('这只镯子38.5克', treatedJadeite);
      expect(flags.map((flag) => flag.category)).toEqual(['certificate_mismatch']);
      expect('这只镯子38.5克'.slice(flags[0]!.start, flags[0]!.end)).toBe('38.5克');
      expect(categories('这是翡翠手镯', { certificate: { identification: '石英岩玉（染色）手镯' } })).toEqual(
        ['certificate_mismatch'],
      );
    });

    it('certificate_mismatch reads no weight inside a Latin token', () => {
      // A chat line ending in an order code (mxbjl3g3) was refused as a 3 g weight claim.
      expect(categories('圈口五十七毫米 mxbjl3g3', treatedJadeite)).toEqual([]);
      expect(categories('订单号 ab38g2', treatedJadeite)).toEqual([]);
      expect(categories('这只镯子 38g 哦', treatedJadeite)).toEqual(['certificate_mismatch']);
      expect(categories('这只镯子38.5g', treatedJadeite)).toEqual(['certificate_mismatch']);
    });

    it('misleading_name rejects trade names', () => {
      expect(categories('马来玉手镯')).toEqual(['misleading_name']);
      expect(categories('澳白项链', { certificate: { identification: '淡水珍珠项链' } })).toEqual([
        'misleading_name',
      ]);
      expect(categories('天然水晶手串', { certificate: { identification: '玻璃手串' } })).toEqual([
        'misleading_name',
      ]);
    });

    it('price_fraud compares with the 7-day low', () => {
      const listing = { listing: { priceFen: 388_800, lowestDealPriceFen7d: 388_800 } };
      const flags = scan('原价一万八', listing);
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ category: 'price_fraud', severity: 'block', start: 0, end: 5 });
      expect(categories('原价三千八', listing)).toEqual([]);
      expect(scan('原价6.8万，今天只要两万八')[0]).toMatchObject({
        category: 'price_fraud',
        severity: 'warn',
      });
    });

    it('fake_scarcity and fake_sales_data compare with stock and sales', () => {
      const listing = { listing: { stock: 8, soldCount: 3 } };
      expect(categories('最后一件了', listing)).toEqual(['fake_scarcity']);
      expect(categories('最后一件了', { listing: { stock: 1 } })).toEqual([]);
      expect(categories('已经卖了两万多单', listing)).toEqual(['fake_sales_data']);
      expect(categories('卖了3单', listing)).toEqual([]);
    });

    it('false_origin follows the certificate origin', () => {
      expect(scan('缅甸料')[0]?.severity).toBe('warn');
      expect(categories('缅甸料', treatedJadeite)).toEqual([]);
      expect(scan('危地马拉料', treatedJadeite)[0]?.severity).toBe('block');
      expect(categories('和田玉挂件')).toEqual([]);
    });

    it('flags the conduct categories', () => {
      expect(categories('招财辟邪')).toEqual(['superstition']);
      expect(categories('寓意招财进宝')).toEqual([]);
      expect(categories('戴着能降血糖')).toEqual(['medical_claim']);
      expect(categories('明年翻倍')).toEqual(['investment_promise']);
      expect(categories('老板破产了')).toEqual(['scripted_scene']);
      expect(categories('赌石切涨')).toEqual(['gambling']);
      expect(categories('加我微信')).toEqual(['off_platform']);
    });
  });
});
