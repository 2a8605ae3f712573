import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/web');

/** Browser tests run against the console as production serves it: build it once per run. */
export default function buildConsole() {
  execFileSync(
    process.execPath,
    [path.join(WEB, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: WEB,
      stdio: 'inherit',
    },
  );
}
