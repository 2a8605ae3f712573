import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const GENERATED_SCHEMA_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'schema.generated.ts',
);

/**
 * Runs kysely-codegen against a migrated database. With `verify`, it writes nothing and fails
 * when the committed types differ from what the migrations produce.
 */
export function runCodegen(databaseUrl: string, options: { verify: boolean }) {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('kysely-codegen/package.json')), 'dist/cli/bin.js');
  const args = [
    cli,
    '--dialect=postgres',
    `--url=${databaseUrl}`,
    `--out-file=${GENERATED_SCHEMA_FILE}`,
    '--camel-case',
    '--date-parser=string',
    '--type-mapping={"int8":"number"}',
    '--exclude-pattern=kysely_*',
    ...(options.verify ? ['--verify'] : []),
  ];
  return spawnSync(process.execPath, args, { encoding: 'utf8' });
}
