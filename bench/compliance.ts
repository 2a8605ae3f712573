/**
 * Throughput and latency of the compliance engine, against a naive per-phrase indexOf loop over the same
 * triggers. Prints readable lines and one JSON line; never asserts (wall-clock figures vary by machine).
 *
 *   pnpm bench:compliance
 */
import { performance } from 'node:perf_hooks';
import {
  type ComplianceContext,
  compileRuleSet,
  defaultRuleSet,
  RULE_SET_VERSION,
  scan,
} from '../packages/shared/src/compliance';
import { SIMPLIFIED_OF } from '../packages/shared/src/compliance/traditional';

const TARGET_CHARS = 10 * 1024 * 1024;
const CAPTION_RUNS = 20_000;
/** Share of violating sentences in the main text; a violation-heavy mix is measured too. */
const VIOLATING_SHARE = 0.15;
const HEAVY_VIOLATING_SHARE = 0.4;

// Live-selling speech: mostly clean, some violating, in the proportions a busy jade room produces.
const CLEAN = [
  '家人们晚上好，欢迎来到直播间，今天给大家上一批翡翠手镯。',
  '这只是冰种飘花的镯子，圈口五十七，证书编号在讲解卡上可以查。',
  '大家看一下这个光泽，灯光下有一点点棉，我们如实跟大家说。',
  '喜欢的宝宝点一下小黄车二号链接，拍之前先量一下手围。',
  '这条南红手串珠子大小十毫米左右，颜色是柿子红，每颗都过了手。',
  '证书上写的是翡翠（A货）手镯，总质量36.8克，大家可以扫码核对。',
  '我们支持七天无理由退货，收到以后不满意直接在平台申请。',
  '这个吊坠雕的是平安扣，寓意平平安安，送长辈很合适。',
  '貔貅题材，象征招财纳福，是传统的吉祥图案。',
  '有宝宝问能不能便宜，今天直播间价就是一千二百八十八，没有套路。',
  '和田玉籽料的皮色是自然形成的，这块皮色比较薄。',
  '我们家所有的货都配国检证书，证书可以在国检官网查询。',
  '今天这场最新款的设计是我们自己的设计师做的。',
  '翡翠的价格受很多因素影响，我们不保证升值，喜欢再买。',
  '这个是处理过的翡翠，证书上写的是翡翠（处理），价格也按处理件来定。',
  '宝宝们佩戴的时候避免磕碰，洗澡的时候最好取下来。',
  '直播间所有福袋都在平台内开奖，规则已经贴在公屏上。',
  '这一款是淡水珍珠，光泽不错，价格比海水珍珠亲民很多。',
  '有问题可以在评论区问，客服也会在平台私信里回复大家。',
  'Now showing a jadeite bangle, inner diameter 57 mm, certificate number on the card.',
];
const VIOLATING = [
  '这是全网最好的帝王绿，顶级料子，错过就没有了！',
  '天然A货，绝对无处理，假一赔十！',
  '这块和田玉戴久了能降血压，还能安神助眠。',
  '大师开过光的貔貅，招财辟邪，戴上马上转运。',
  '翡翠只涨不跌，现在买明年翻倍，稳赚不赔。',
  '原价一万八，今天只要三千八，家人们冲！',
  '最后一件了，卖完就下架，手慢无！',
  '这款已经卖了两万多单，好评如潮。',
  '正宗缅甸老坑料，矿区直供，源头直发。',
  '老板破产了急用钱，我背着老板偷偷给你们上。',
  '我去跟缅甸货主砍价，砍到一千我就给你们上链接。',
  '赌石就是一刀穷一刀富，切涨了就是你的。',
  '想要更便宜的加我微信，私下转账再给你优惠。',
  '这是正宗马来玉，颜色特别正，比翡翠还漂亮。',
  '专柜价29999元，今天直播间破价！',
];

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function generateText(targetChars: number, violatingShare: number): string {
  const random = seededRandom(20250601);
  const parts: string[] = [];
  let length = 0;
  while (length < targetChars) {
    const pool = random() < violatingShare ? VIOLATING : CLEAN;
    const sentence = pool[Math.floor(random() * pool.length)]!;
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('');
}

/** The naive approach: every trigger phrase searched on its own with indexOf. */
function naiveCount(text: string, phrases: readonly string[]): number {
  let count = 0;
  for (const phrase of phrases) {
    let at = text.indexOf(phrase);
    while (at >= 0) {
      count++;
      at = text.indexOf(phrase, at + 1);
    }
  }
  return count;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

const context: ComplianceContext = {
  certificate: { identification: '翡翠（处理）手镯', weightGrams: 36.8, origin: '缅甸' },
  listing: { priceFen: 128_800, stock: 8, soldCount: 3, lowestDealPriceFen7d: 128_800 },
};

const text = generateText(TARGET_CHARS, VIOLATING_SHARE);
const heavyText = generateText(TARGET_CHARS, HEAVY_VIOLATING_SHARE);
const build = timed(() => compileRuleSet(defaultRuleSet));
const triggers = [...new Set(defaultRuleSet.rules.flatMap((rule) => rule.triggers))];

// Warm up the JIT on a slice before timing the full text.
scan(text.slice(0, 200_000), context);
naiveCount(text.slice(0, 200_000), triggers);

const engineRuns = [1, 2, 3].map(() => timed(() => scan(text, context)));
const engineBest = Math.min(...engineRuns.map((run) => run.ms));
const flagCount = engineRuns[0]!.value.length;
const matchOnly = timed(() => build.value.automaton.findAll(text));
const naive = timed(() => naiveCount(text, triggers));
const heavy = Math.min(...[1, 2].map(() => timed(() => scan(heavyText, context)).ms));

/**
 * The same text with every character that has a traditional form written in it: every scan of it takes
 * the normaliser's rewriting path, where the mixed text above passes through unchanged.
 */
function traditionalOf(simplified: string): string {
  const traditional = new Map<number, number>();
  for (let code = 0x3400; code <= 0x9fff; code++) {
    const target = SIMPLIFIED_OF[code]!;
    if (target !== code && !traditional.has(target)) traditional.set(target, code);
  }
  const codes = Uint16Array.from(simplified, (ch) => traditional.get(ch.charCodeAt(0)) ?? ch.charCodeAt(0));
  return Buffer.from(codes.buffer).toString('utf16le');
}
const traditionalText = traditionalOf(text);
scan(traditionalText.slice(0, 200_000), context);
const traditionalRuns = [1, 2].map(() => timed(() => scan(traditionalText, context)));
const traditional = Math.min(...traditionalRuns.map((run) => run.ms));

const caption = generateText(400, 0.3).slice(0, 200);
for (let i = 0; i < 2_000; i++) scan(caption, context);
const latencies: number[] = [];
for (let i = 0; i < CAPTION_RUNS; i++) {
  const started = performance.now();
  scan(caption, context);
  latencies.push(performance.now() - started);
}
latencies.sort((a, b) => a - b);

const charsPerSec = text.length / (engineBest / 1000);
const automatonCharsPerSec = text.length / (matchOnly.ms / 1000);
const naiveCharsPerSec = text.length / (naive.ms / 1000);
const result = {
  ruleSetVersion: RULE_SET_VERSION,
  textChars: text.length,
  textBytesUtf8: Buffer.byteLength(text, 'utf8'),
  patterns: build.value.automaton.patternCount,
  triggerPhrases: triggers.length,
  automatonStates: build.value.automaton.stateCount,
  buildMs: round(build.ms),
  flags: flagCount,
  violatingShare: VIOLATING_SHARE,
  charsPerSec: Math.round(charsPerSec),
  heavyViolatingShare: HEAVY_VIOLATING_SHARE,
  heavyCharsPerSec: Math.round(heavyText.length / (heavy / 1000)),
  traditionalCharsPerSec: Math.round(traditionalText.length / (traditional / 1000)),
  traditionalFlags: traditionalRuns[0]!.value.length,
  automatonOnlyCharsPerSec: Math.round(automatonCharsPerSec),
  naiveCharsPerSec: Math.round(naiveCharsPerSec),
  naiveMatches: naive.value,
  speedupVsNaive: round(charsPerSec / naiveCharsPerSec),
  captionChars: caption.length,
  captionP50Ms: round(percentile(latencies, 0.5), 4),
  captionP99Ms: round(percentile(latencies, 0.99), 4),
};

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

const mega = (value: number) => `${(value / 1e6).toFixed(1)} M chars/s`;
console.log(
  `rule set ${RULE_SET_VERSION}: ${result.triggerPhrases} trigger phrases, ${result.patterns} patterns`,
);
console.log(`automaton: ${result.automatonStates} states, built in ${result.buildMs} ms`);
console.log(
  `text: ${result.textChars} chars (${(result.textBytesUtf8 / 1e6).toFixed(1)} MB UTF-8), ${flagCount} flags`,
);
console.log(
  `engine (full rule set, context checks): ${mega(charsPerSec)} (${VIOLATING_SHARE * 100}% violating sentences)`,
);
console.log(
  `engine, violation-heavy mix:            ${mega(result.heavyCharsPerSec)} (${HEAVY_VIOLATING_SHARE * 100}% violating sentences)`,
);
console.log(
  `engine, same text in traditional chars: ${mega(result.traditionalCharsPerSec)} (${result.traditionalFlags} flags)`,
);
console.log(`automaton pass alone:                   ${mega(automatonCharsPerSec)}`);
console.log(`naive indexOf per phrase:               ${mega(naiveCharsPerSec)}`);
console.log(`engine / naive:                         ${result.speedupVsNaive}x`);
console.log(
  `200-char caption: p50 ${result.captionP50Ms} ms, p99 ${result.captionP99Ms} ms (${CAPTION_RUNS} runs)`,
);
console.log(JSON.stringify(result));
