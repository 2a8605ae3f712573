import {
  ORDER_EVENT_CAUSES,
  ORDER_REFUND_CAUSE_KINDS,
  type Order,
  type OrderEventCause,
  orderEventCauseSchema,
  orderRefundCauseSchema,
} from '@jadelive/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { placeholdersOf as placeholders, testTranslator as translator } from '../../../i18n/testing';
import { zhCN } from '../../../i18n/zh-CN';
import { describeEventCause, describeRefundReason } from './order-causes';

const mismatch: Pick<Order, 'refundReason' | 'refundCause'> = {
  refundReason: null,
  refundCause: {
    kind: 'inspection_mismatch',
    identification: '翡翠（处理）手镯',
    certificateNumber: 'YZ2026001',
    certificateIdentification: '翡翠（A货）手镯',
  },
};

describe('order refund reasons and event causes', () => {
  it('every system cause the API can send is worded from exactly its facts, in both languages', () => {
    const kinds = orderRefundCauseSchema.options.map((option) => option.shape.kind.value);
    expect([...kinds].sort()).toEqual([...ORDER_REFUND_CAUSE_KINDS].sort());
    for (const option of orderRefundCauseSchema.options) {
      const kind = option.shape.kind.value;
      if (kind === 'buyer') continue;
      const facts = Object.keys(option.shape)
        .filter((field) => field !== 'kind')
        .sort();
      for (const catalogue of [zhCN, en])
        expect(placeholders(catalogue.commerce.orders.refundCauses[kind]), kind).toEqual(facts);
    }
    const eventKinds = orderEventCauseSchema.options.map((option) => option.shape.kind.value);
    expect([...eventKinds].sort()).toEqual([...ORDER_EVENT_CAUSES].sort());
    for (const option of orderEventCauseSchema.options) {
      const kind = option.shape.kind.value;
      const facts = Object.keys(option.shape)
        .filter((field) => field !== 'kind')
        .sort();
      for (const catalogue of [zhCN, en])
        expect(placeholders(catalogue.commerce.orders.eventCauses[kind]), kind).toEqual(facts);
      // Worded in full: every fact filled in, no key shown in its place.
      const cause = { kind, ...Object.fromEntries(facts.map((fact) => [fact, 1])) } as OrderEventCause;
      for (const language of ['zh-CN', 'en'] as const) {
        const text = describeEventCause(translator(language), cause);
        expect(text, `${language} ${kind}`).not.toContain('commerce.');
        expect(text, `${language} ${kind}`).not.toContain('{{');
      }
    }
  });

  it('words each of the server’s own moves, with the hammer price as money', () => {
    const worded = (cause: OrderEventCause) =>
      (['zh-CN', 'en'] as const).map((language) => describeEventCause(translator(language), cause));
    expect(worded({ kind: 'auction_won', hammerPriceFen: 1_288_050 })).toEqual([
      '拍卖落槌，成交价 ¥12,880.50',
      'Won at auction for ¥12,880.50',
    ]);
    expect(worded({ kind: 'buyer_cancelled' })).toEqual(['买家取消了订单', 'The buyer cancelled the order']);
    expect(worded({ kind: 'refund_approved' })).toEqual(['商家同意退款', 'The seller approved the refund']);
    expect(worded({ kind: 'payment_received' })).toEqual(['已收到付款', 'Payment received']);
    expect(worded({ kind: 'shipped' })).toEqual(['商家已发货', 'The seller shipped the piece']);
    expect(worded({ kind: 'flash_sale_grab' })).toEqual(['秒杀抢购下单', 'Grabbed in a flash sale']);
  });

  it('words an inspection mismatch refund in the reader’s language', () => {
    expect(describeRefundReason(translator('zh-CN'), mismatch)).toBe(
      '就地检验结果（翡翠（处理）手镯）与证书 YZ2026001（翡翠（A货）手镯）不符',
    );
    expect(describeRefundReason(translator('en'), mismatch)).toBe(
      'The on-site inspection found 翡翠（处理）手镯, not what certificate YZ2026001 says (翡翠（A货）手镯)',
    );
    expect(describeEventCause(translator('en'), { kind: 'inspection_mismatch' })).toBe(
      'The on-site inspection did not match the certificate',
    );
    expect(describeEventCause(translator('zh-CN'), { kind: 'inspection_mismatch' })).toBe(
      '就地检验结果与证书不符',
    );
  });

  it('shows the buyer’s own reason exactly as typed, in either language', () => {
    const typed = 'Too small — 圈口不合适 <b>{{x}}</b> $t(commerce.orders.pay)';
    for (const language of ['zh-CN', 'en'] as const) {
      expect(
        describeRefundReason(translator(language), { refundReason: typed, refundCause: { kind: 'buyer' } }),
      ).toBe(typed);
    }
    expect(describeRefundReason(translator('en'), { refundReason: null, refundCause: null })).toBeNull();
  });
});
