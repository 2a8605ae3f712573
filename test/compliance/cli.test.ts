import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the real command the way operators do and returns its stdout lines. */
function runScan(lines: string[]): { status: number | null; stdout: string[]; stderr: string } {
  const result = spawnSync('pnpm', ['-s', 'compliance:scan'], {
    cwd: repoRoot,
    input: `${lines.join('\n')}\n`,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const stdout = result.stdout.endsWith('\n') ? result.stdout.slice(0, -1) : result.stdout;
  return { status: result.status, stdout: stdout === '' ? [] : stdout.split('\n'), stderr: result.stderr };
}

const FLAG_KEYS = ['basis', 'category', 'end', 'message', 'ruleId', 'severity', 'start'];

describe('pnpm compliance:scan', () => {
  const good = [
    {
      id: 'a1',
      text: '家人们，天然A货，证书随货',
      context: {
        certificate: { identification: '翡翠（处理）手镯', weightGrams: 36.8, origin: '缅甸' },
        listing: { priceFen: 128800, stock: 8, soldCount: 3, lowestDealPriceFen7d: 128800 },
      },
    },
    { id: 'a2', text: '平安扣寓意平平安安，送长辈很合适' },
    {
      id: 'a3',
      text: '原价一万八，最后一件，已经卖了两万多单',
      context: { listing: { stock: 8, soldCount: 3, lowestDealPriceFen7d: 128800 } },
    },
  ];
  const input = [
    JSON.stringify(good[0]),
    '{"id": "broken", "text": ',
    JSON.stringify(good[1]),
    '',
    JSON.stringify({ id: 'no-text' }),
    JSON.stringify({ id: 7, text: '数字编号' }),
    JSON.stringify({ id: 'bad-context', text: '最后一件', context: { listing: { stock: 'eight' } } }),
    '[]',
    JSON.stringify(good[2]),
  ];
  const run = runScan(input);

  it('exits 0 and writes exactly one line per input line, in order', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toHaveLength(input.length);
    const ids = run.stdout.map((line) => JSON.parse(line).id);
    expect(ids).toEqual(['a1', null, 'a2', null, null, null, null, null, 'a3']);
  });

  it('answers malformed lines with { id: null, error } and nothing else', () => {
    for (const index of [1, 3, 4, 5, 6, 7]) {
      const output = JSON.parse(run.stdout[index]!);
      expect(Object.keys(output).sort()).toEqual(['error', 'id']);
      expect(output.id).toBeNull();
      expect(typeof output.error).toBe('string');
      expect(output.error.length).toBeGreaterThan(0);
    }
  });

  it('writes flags in the contract shape, with offsets pointing at the claim', () => {
    const expectations: Record<string, { text: string; categories: string[] }> = {
      a1: { text: good[0]!.text, categories: ['false_treatment'] },
      a2: { text: good[1]!.text, categories: [] },
      a3: { text: good[2]!.text, categories: ['fake_sales_data', 'fake_scarcity', 'price_fraud'] },
    };
    for (const line of run.stdout) {
      const output = JSON.parse(line);
      if (output.id === null) continue;
      expect(Object.keys(output).sort()).toEqual(['flags', 'id']);
      const { text, categories } = expectations[output.id]!;
      expect([...new Set(output.flags.map((flag: { category: string }) => flag.category))].sort()).toEqual(
        categories,
      );
      for (const flag of output.flags) {
        expect(Object.keys(flag).sort()).toEqual(FLAG_KEYS);
        expect(['block', 'warn', 'info']).toContain(flag.severity);
        expect(typeof flag.message).toBe('string');
        expect(flag.basis.length).toBeGreaterThan(0);
        expect(flag.start).toBeGreaterThanOrEqual(0);
        expect(flag.end).toBeGreaterThan(flag.start);
        expect(flag.end).toBeLessThanOrEqual(text.length);
      }
    }
    const a1Flags = JSON.parse(run.stdout[0]!).flags as { start: number; end: number }[];
    expect(a1Flags.map((flag) => good[0]!.text.slice(flag.start, flag.end))).toEqual(['天然', 'A货']);
    const a3Flags = JSON.parse(run.stdout[8]!).flags as { category: string; start: number; end: number }[];
    const claimed = Object.fromEntries(
      a3Flags.map((flag) => [flag.category, good[2]!.text.slice(flag.start, flag.end)]),
    );
    expect(claimed).toEqual({
      price_fraud: '原价一万八',
      fake_scarcity: '最后一件',
      fake_sales_data: '卖了两万多单',
    });
  });

  it('writes nothing but the result lines to stdout', () => {
    for (const line of run.stdout) expect(() => JSON.parse(line)).not.toThrow();
  });
});
