import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// In development the API runs separately on :3000; proxying keeps the browser on one origin so the
// session cookie and the CSRF header behave exactly as in production, where the API serves dist/.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
  build: {
    outDir: 'dist',
    // Production serves no source maps: they would publish the whole source, several megabytes.
    sourcemap: false,
    // The LiveKit client (about 580 kB) is one chunk on purpose, loaded by the live pages alone.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Libraries change less often than the console: separate chunks stay cached across deploys.
        // Only what every page needs goes into them; the LiveKit client and what it alone uses
        // stay with the live pages, which load it on demand (see app/router.tsx).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'vendor',
              test: /node_modules[\\/](@tanstack|i18next|react-i18next|zod|hono|qrcode\.react|use-sync-external-store)[\\/]/,
            },
            { name: 'livekit', test: /node_modules[\\/](livekit-client|@livekit)[\\/]/ },
          ],
        },
      },
    },
  },
});

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the build, at
 * the highest levels (build time, not request time); the server picks one by Accept-Encoding.
 */
function precompress(): Plugin {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  let outDir = 'dist';
  return {
    name: 'jadelive:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await readdir(outDir, { recursive: true });
      await Promise.all(
        files
          .map((file) => path.join(outDir, file))
          .filter((file) => COMPRESSIBLE.test(file))
          .map(async (file) => {
            if ((await stat(file)).size < MIN_BYTES) return;
            const body = await readFile(file);
            await writeFile(
              `${file}.br`,
              await brotli(body, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                },
              }),
            );
            await writeFile(`${file}.gz`, await gz(body, { level: constants.Z_BEST_COMPRESSION }));
          }),
      );
    },
  };
}
