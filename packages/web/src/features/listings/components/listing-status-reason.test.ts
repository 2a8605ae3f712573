import {
  LISTING_STATUS_REASON_KINDS,
  type ListingStatusReason,
  listingStatusReasonSchema,
} from '@jadelive/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../../../i18n/en';
import { placeholdersOf as placeholders, testTranslator as translator } from '../../../i18n/testing';
import { zhCN } from '../../../i18n/zh-CN';
import { describeStatusReason } from './listing-status-reason';

describe('listing status reasons', () => {
  it('every kind the API can send is worded from exactly its facts, in both languages', () => {
    const kinds = listingStatusReasonSchema.options.map((option) => option.shape.kind.value);
    expect([...kinds].sort()).toEqual([...LISTING_STATUS_REASON_KINDS].sort());
    for (const option of listingStatusReasonSchema.options) {
      const kind = option.shape.kind.value;
      const facts = Object.keys(option.shape)
        .filter((field) => field !== 'kind')
        .sort();
      for (const catalogue of [zhCN, en])
        expect(placeholders(catalogue.listings.statusReasons[kind]), kind).toEqual(facts);
    }
  });

  it('words a revocation in the reader’s language and quotes the lab’s reason as given', () => {
    const reason: ListingStatusReason = {
      kind: 'certificate_revoked',
      reason: '复检发现 <b>{{充填}}</b> & $t(x)',
    };
    expect(describeStatusReason(translator('zh-CN'), reason)).toBe(
      '原因：证书已撤销（复检发现 <b>{{充填}}</b> & $t(x)）',
    );
    expect(describeStatusReason(translator('en'), reason)).toBe(
      'Reason: the certificate was revoked (复检发现 <b>{{充填}}</b> & $t(x))',
    );
  });

  it('words an inspection mismatch from its identifications and certificate number', () => {
    const reason: ListingStatusReason = {
      kind: 'inspection_mismatch',
      identification: '翡翠（处理）手镯',
      certificateNumber: 'YZ2026001',
      certificateIdentification: '翡翠（A货）手镯',
    };
    expect(describeStatusReason(translator('zh-CN'), reason)).toBe(
      '原因：就地检验结果（翡翠（处理）手镯）与证书 YZ2026001（翡翠（A货）手镯）不符',
    );
    expect(describeStatusReason(translator('en'), reason)).toBe(
      'Reason: the on-site inspection found 翡翠（处理）手镯, not what certificate YZ2026001 says (翡翠（A货）手镯)',
    );
  });

  it('shows an older free-text reason as it was written', () => {
    const reason: ListingStatusReason = { kind: 'other', text: '平台人工下架：待补充材料' };
    expect(describeStatusReason(translator('en'), reason)).toBe('Reason: 平台人工下架：待补充材料');
  });
});
