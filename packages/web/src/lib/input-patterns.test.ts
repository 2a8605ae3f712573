import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_PATTERNS } from '@jadelive/shared';
import { describe, expect, it } from 'vitest';

const SOURCE = join(import.meta.dirname, '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/**
 * Every `pattern` attribute of the console: a literal, a shared INPUT_PATTERNS entry, or a string
 * constant of the same file. Anything else cannot be checked here and fails the test.
 */
function patternAttributes(): { where: string; pattern: string | null }[] {
  return sourceFiles(SOURCE).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const where = file.slice(SOURCE.length + 1);
    return [...text.matchAll(/\bpattern=(?:"([^"]*)"|\{([^}]*)\})/g)].map((match) => {
      if (match[1] !== undefined) return { where, pattern: match[1] };
      const expression = (match[2] ?? '').trim();
      const shared = /^INPUT_PATTERNS\.(\w+)$/.exec(expression)?.[1];
      if (shared) return { where, pattern: INPUT_PATTERNS[shared as keyof typeof INPUT_PATTERNS] ?? null };
      const constant = new RegExp(`const ${expression} = '([^']*)'`).exec(text)?.[1];
      return { where, pattern: constant ?? null };
    });
  });
}

describe('pattern attributes of the console', () => {
  const attributes = patternAttributes();

  it('are found (the scan itself works)', () => {
    expect(attributes.length).toBeGreaterThanOrEqual(3);
  });

  it.each(attributes.map((attribute) => [attribute.where, attribute.pattern] as const))(
    '%s: %s compiles as Chromium and Firefox compile it (v flag)',
    (_where, pattern) => {
      expect(pattern, 'a pattern the test can read').not.toBeNull();
      // The HTML standard compiles `^(?:pattern)$` with the v flag; an invalid one is ignored.
      expect(() => new RegExp(`^(?:${pattern})$`, 'v')).not.toThrow();
    },
  );
});
