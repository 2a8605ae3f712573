import { readFileSync } from 'node:fs';
import {
  COMPLIANCE_CATEGORIES,
  type ComplianceCategory,
  complianceCategorySchema,
  complianceContextSchema,
  scan,
} from '@jadelive/shared/compliance';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.9;

const corpusLineSchema = z.object({
  id: z.string(),
  text: z.string().min(1),
  context: complianceContextSchema.optional(),
  expected: z.array(complianceCategorySchema),
});
type CorpusLine = z.infer<typeof corpusLineSchema>;

function loadCorpus(): CorpusLine[] {
  const raw = readFileSync(new URL('./corpus.jsonl', import.meta.url), 'utf8');
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = corpusLineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`corpus line ${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

describe('labelled compliance corpus', () => {
  const corpus = loadCorpus();

  it('is large and balanced enough to mean something', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(220);
    const clean = corpus.filter((line) => line.expected.length === 0).length;
    expect(clean / corpus.length).toBeGreaterThanOrEqual(0.4);
    expect(new Set(corpus.map((line) => line.id)).size).toBe(corpus.length);
    // Every category must be exercised, otherwise its recall is vacuous.
    for (const category of COMPLIANCE_CATEGORIES) {
      expect(
        corpus.some((line) => line.expected.includes(category)),
        category,
      ).toBe(true);
    }
  });

  it(`reaches precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL} in every category`, () => {
    const tallies = new Map<ComplianceCategory, Tally>(
      COMPLIANCE_CATEGORIES.map((category) => [
        category,
        { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
      ]),
    );
    const mistakes: string[] = [];
    for (const line of corpus) {
      const flagged = new Set(scan(line.text, line.context ?? {}).map((flag) => flag.category));
      const expected = new Set(line.expected);
      for (const category of COMPLIANCE_CATEGORIES) {
        const tally = tallies.get(category)!;
        if (flagged.has(category) && expected.has(category)) tally.truePositives++;
        else if (flagged.has(category)) {
          tally.falsePositives++;
          mistakes.push(`FP ${category} ${line.id}: ${line.text}`);
        } else if (expected.has(category)) {
          tally.falseNegatives++;
          mistakes.push(`FN ${category} ${line.id}: ${line.text}`);
        }
      }
    }

    const rows = COMPLIANCE_CATEGORIES.map((category) => {
      const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = tallies.get(category)!;
      // No flags at all is perfect precision; no expected flags is perfect recall.
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
      return {
        category,
        tp,
        fp,
        fn,
        precision: Number(precision.toFixed(3)),
        recall: Number(recall.toFixed(3)),
      };
    });
    console.log(`compliance corpus: ${corpus.length} utterances`);
    console.table(rows);
    if (mistakes.length > 0) console.log(mistakes.join('\n'));

    const failing = rows.filter((row) => row.precision < MIN_PRECISION || row.recall < MIN_RECALL);
    expect(failing).toEqual([]);
  });
});
