/**
 * `pnpm -s compliance:scan`: reads JSON Lines `{ id, text, context? }` on stdin and writes one line per
 * input line, in order: `{ id, flags }`, or `{ id: null, error }` for a line that is not a valid request.
 * A bad line never stops the run; the exit code is non-zero only when stdin itself cannot be read.
 */
import { createInterface } from 'node:readline';
import { type ComplianceFlag, complianceContextSchema, scan } from '@jadelive/shared/compliance';
import { z } from 'zod';

const scanRequestSchema = z.object({
  id: z.string(),
  text: z.string(),
  context: complianceContextSchema.optional(),
});

/** The CLI's flag shape: the engine's flag with the zh-CN message only. */
function toOutputFlag(flag: ComplianceFlag) {
  return {
    category: flag.category,
    ruleId: flag.ruleId,
    severity: flag.severity,
    start: flag.start,
    end: flag.end,
    basis: flag.basis,
    message: flag.message['zh-CN'],
  };
}

/** Turns one input line into its output line; never throws. */
export function scanLine(line: string): string {
  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(line);
  } catch (error) {
    const reason = line.trim() === '' ? 'empty line' : (error as Error).message;
    return JSON.stringify({ id: null, error: `invalid JSON: ${reason}` });
  }
  const request = scanRequestSchema.safeParse(parsedJson);
  if (!request.success) {
    const reason = request.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return JSON.stringify({ id: null, error: `invalid request: ${reason}` });
  }
  const { id, text, context } = request.data;
  return JSON.stringify({ id, flags: scan(text, context ?? {}).map(toOutputFlag) });
}

async function main(): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!process.stdout.write(`${scanLine(line)}\n`)) {
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`compliance:scan: cannot read stdin: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
