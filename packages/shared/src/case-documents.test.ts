import { describe, expect, it } from 'vitest';
import { documentNumber, regulatorShortName } from './case-documents';

describe('document numbers', () => {
  it('shortens a district regulator’s name the way its documents are numbered', () => {
    expect(regulatorShortName('重庆市渝中区市场监督管理局')).toBe('渝中');
    expect(regulatorShortName('大足区市场监督管理局')).toBe('大足');
    expect(regulatorShortName('重庆市市场监督管理局')).toBe('重庆');
    expect(regulatorShortName('regulator 1a2b')).toBe('regulator 1a2b');
  });

  it('numbers each series by year: 渝中市监责改〔2026〕3号', () => {
    expect(documentNumber('重庆市渝中区市场监督管理局', 'rectification', 2026, 3)).toBe(
      '渝中市监责改〔2026〕3号',
    );
    expect(documentNumber('大足区市场监督管理局', 'case', 2027, 1)).toBe('大足市监立〔2027〕1号');
  });
});
