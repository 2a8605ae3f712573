/**
 * Spellings hosts use to name a contact app without the words a filter looks for. The normaliser
 * rewrites each to its plain name before matching, so one rule (加微信, 微信号 …) covers them all.
 *
 * Each entry notes where it comes from. A replacement is never longer than what it replaces (the
 * normaliser's buffers are sized to the input). ASCII spellings only count as whole words: the vx in
 * "vxi" is not WeChat.
 */
export interface EvasionSpelling {
  /** As written, compared with ASCII letters folded to lower case and full-width forms to half-width. */
  spelling: string;
  plain: string;
  source: string;
}

const IN_RULE_SET = 'already a trigger of off_platform.steering (rules/selling.ts), kept there verbatim';
const PINYIN_INITIALS = 'pinyin initials of 微信 (wēi xìn), the form hosts type in captions and on cards';
const HOMOPHONE = 'homophone of 微信 (same reading wēi xìn, other characters)';

export const EVASION_SPELLINGS: readonly EvasionSpelling[] = [
  { spelling: '薇信', plain: '微信', source: `${HOMOPHONE}; ${IN_RULE_SET}` },
  { spelling: '威信', plain: '微信', source: HOMOPHONE },
  { spelling: '徽信', plain: '微信', source: 'near-homophone of 微信 (huī xìn), lookalike first character' },
  { spelling: 'v信', plain: '微信', source: `V for 微 (wēi); ${IN_RULE_SET}` },
  { spelling: '微x', plain: '微信', source: 'x for 信 (xìn)' },
  { spelling: 'vx', plain: '微信', source: `${PINYIN_INITIALS} (v for w); ${IN_RULE_SET} as 加vx` },
  { spelling: 'wx', plain: '微信', source: `${PINYIN_INITIALS}; ${IN_RULE_SET} as 加wx` },
  { spelling: 'weixin', plain: '微信', source: 'full pinyin of 微信' },
  { spelling: '扣扣', plain: 'QQ', source: 'homophone of QQ (kòu kòu), the usual spoken form' },
  { spelling: 'qq', plain: 'QQ', source: `the app's own name in any case; ${IN_RULE_SET} as 加qq` },
];
