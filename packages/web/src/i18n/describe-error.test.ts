import { ERROR_REASON_NAMES, type ErrorCode } from '@jadelive/shared';
import { scan } from '@jadelive/shared/compliance';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-error';
import { describeApiError, describeIssue } from './describe-error';
import { en } from './en';
import { testI18n } from './testing';
import { zhCN } from './zh-CN';

const zh = testI18n('zh-CN');
const english = testI18n('en');

function say(
  language: 'zh-CN' | 'en',
  code: ErrorCode,
  details: unknown,
  message = 'an English server message',
) {
  const i18n = language === 'en' ? english : zh;
  return describeApiError(new ApiError({ code, message, details }), i18n.t, i18n);
}

/** Chinese text may quote Latin names and numbers, but no English sentence. */
const noEnglishWords = (text: string) => expect(text).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{2,}/);

describe('describeApiError', () => {
  it('names the listing that holds a certificate', () => {
    const details = {
      reason: 'certificate_in_use',
      listingId: '0b9f1e8c-3d4a-4f6b-9c2d-7e8f9a0b1c2d',
      listingTitle: '冰种飘花手镯',
    };
    const chinese = say(
      'zh-CN',
      'CONFLICT',
      details,
      'this certificate already backs another active listing',
    );
    expect(chinese).toBe('该证书已用于在售商品「冰种飘花手镯」：一证一物，请先下架该商品或换一张证书。');
    noEnglishWords(chinese);
    expect(say('en', 'CONFLICT', details)).toContain('“冰种飘花手镯”');
  });

  it('says until when a user is muted, on the Beijing clock, or that it lasts the session', () => {
    const until = '2026-12-06T12:30:00.000Z';
    const chinese = say('zh-CN', 'FORBIDDEN', { reason: 'muted', until }, 'you are muted in this session');
    expect(chinese).toMatch(/^你已被禁言，.*20:30.*前不能发言。$/);
    noEnglishWords(chinese);
    expect(say('en', 'FORBIDDEN', { reason: 'muted', until })).toMatch(/^You are muted until .*8:30.*PM/);
    expect(say('zh-CN', 'FORBIDDEN', { reason: 'muted', until: null })).toBe(
      '你已被禁言，本场直播内不能发言。',
    );
  });

  it('gives slow mode its seconds', () => {
    const details = { reason: 'slow_mode', waitSeconds: 5, retryAfterSeconds: 5 };
    expect(say('zh-CN', 'RATE_LIMITED', details, 'slow mode: wait 5 s')).toBe('慢速模式：请 5 秒后再发言。');
    expect(say('en', 'RATE_LIMITED', details)).toBe('Slow mode: wait 5 s before your next message.');
  });

  it('quotes the phrases the content rules refused with the rule’s own words in the reader’s language', () => {
    const text = '加我微信私聊，保证升值稳赚';
    const flags = scan(text, {}).filter((flag) => flag.severity === 'block');
    expect(flags.length).toBeGreaterThan(0);
    const details = {
      reason: 'content_refused',
      phrases: flags.map((flag) => ({
        phrase: text.slice(flag.start, flag.end),
        ruleId: flag.ruleId,
        category: flag.category,
        message: flag.message,
      })),
    };
    const chinese = say('zh-CN', 'UNPROCESSABLE', details, 'message refused by the content rules');
    expect(chinese.startsWith('消息未发出：')).toBe(true);
    for (const flag of flags) {
      expect(chinese).toContain(`「${text.slice(flag.start, flag.end)}」`);
      expect(chinese).toContain(flag.message['zh-CN']);
    }
    noEnglishWords(chinese);
    const inEnglish = say('en', 'UNPROCESSABLE', details);
    for (const flag of flags) expect(inEnglish).toContain(flag.message.en);
  });

  it('tells when an overlapping booking runs and whose it is', () => {
    const details = {
      reason: 'booking_overlap',
      overlapping: [
        { startsAt: '2026-12-07T02:00:00.000Z', endsAt: '2026-12-07T04:00:00.000Z', bookedBy: null },
        {
          startsAt: '2026-12-07T06:00:00.000Z',
          endsAt: '2026-12-07T07:00:00.000Z',
          bookedBy: '解放碑翠玉轩',
        },
      ],
    };
    const chinese = say('zh-CN', 'CONFLICT', details, 'the studio is already booked for part of that time');
    expect(chinese).toContain('10:00');
    expect(chinese).toContain('12:00');
    expect(chinese).toContain('其他商家');
    expect(chinese).toContain('解放碑翠玉轩自己的预约');
    noEnglishWords(chinese);
    expect(say('en', 'CONFLICT', details)).toContain('another seller');
  });

  it('words a publish refusal from its problem codes, naming the listing that holds the certificate', () => {
    const details = {
      reason: 'publish_refused',
      problems: [
        { code: 'COMPARISON_WITHOUT_DEALS', field: 'comparisonPriceFen', message: 'no deal on record' },
        { code: 'NO_STOCK', field: 'stock', message: 'nothing in stock to sell' },
      ],
    };
    const chinese = say('zh-CN', 'UNPROCESSABLE', details);
    expect(chinese).toContain('近7日没有成交记录');
    expect(chinese).toContain('库存为 0');
    noEnglishWords(chinese);
  });

  it('never shows the server’s message: without a known reason the code’s sentence stands', () => {
    const chinese = say('zh-CN', 'CONFLICT', { reason: 'no_such_reason' }, 'this certificate already backs…');
    expect(chinese).toBe(zhCN.errors.CONFLICT);
    expect(say('en', 'FORBIDDEN', undefined, 'you are muted')).toBe(en.errors.FORBIDDEN);
    // A known reason with facts of the wrong shape is not trusted either.
    expect(say('zh-CN', 'RATE_LIMITED', { reason: 'slow_mode', waitSeconds: 'five' })).toBe(
      zhCN.errors.RATE_LIMITED,
    );
  });

  it('has a sentence for every reason the API declares, in both languages', () => {
    const reasons = zhCN.errors.reasons as Record<string, string>;
    const english = en.errors.reasons as Record<string, string>;
    const missing = ERROR_REASON_NAMES.filter(
      (reason) => !(reason in reasons) && !(`${reason}_own` in reasons) && reason !== 'muted',
    );
    expect(missing).toEqual([]);
    expect(Object.keys(english).sort()).toEqual(Object.keys(reasons).sort());
  });
});

describe('describeIssue', () => {
  const issue = (facts: Record<string, unknown>) =>
    ({ message: 'letters, digits and dashes only', ...facts }) as never;

  it('names the field and what its pattern allows', () => {
    const refused = issue({ path: 'number', code: 'invalid_format', format: 'regex' });
    expect(describeIssue(refused, zh.t, zh)).toBe('证书编号只能包含字母、数字和短横线');
    expect(describeIssue(refused, english.t, english)).toBe(
      'Certificate number may contain only letters, digits and dashes',
    );
  });

  it('gives lengths and bounds with the field’s name', () => {
    const short = issue({ path: 'number', code: 'too_small', origin: 'string', minimum: 3 });
    expect(describeIssue(short, zh.t, zh)).toBe('证书编号至少需要 3 个字符');
    const price = issue({ path: 'priceFen', code: 'too_big', origin: 'number', maximum: 100 });
    expect(describeIssue(price, english.t, english)).toBe('Price must be at most 100');
    const nested = issue({ path: 'lineup.2.text', code: 'too_big', origin: 'string', maximum: 200 });
    expect(describeIssue(nested, zh.t, zh)).toBe('内容最多 200 个字符');
  });

  it('falls back to a sentence per zod code, never the English message', () => {
    const odd = issue({ path: 'number', code: 'invalid_value' });
    expect(describeIssue(odd, zh.t, zh)).toBe('证书编号的取值无效');
    const unknown = issue({ path: 'somethingNew', code: 'brand_new_code' });
    expect(describeIssue(unknown, zh.t, zh)).toBe('somethingNew不符合要求');
  });
});
