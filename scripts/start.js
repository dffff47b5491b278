// `npm start`: builds the designer if apps/web/dist is missing or older than its sources, then runs the server and the UI on one port
// (default http://127.0.0.1:4400) over flows/ and .seam/ (SQLite file .seam/seam.db). It prints the address and a
// one-time login link, and opens nothing else. Env: SEAM_PORT, SEAM_HOST, SEAM_TOKEN, SEAM_FLOWS_DIR, SEAM_DATA_DIR.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const webDist = join(root, 'apps', 'web', 'dist');

// What the designer bundle is built from: after a pull that changed any of these, the old bundle would be served.
const webSources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'packages/flow/src', 'packages/jsonata-compiler/src'];

/** Newest modification time (ms) of a file or of any file under a folder. */
function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

const builtAt = newestChange(join(webDist, 'index.html'));
const staleBecause = builtAt === 0 ? 'first start' : webSources.some((p) => newestChange(join(root, p)) > builtAt) ? 'its sources changed' : undefined;
if (staleBecause) {
  console.log(`Building the web designer (${staleBecause})…`);
  const build = spawnSync('npm', ['run', 'build', '-w', '@seam/web'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) console.error('The web build failed (see above): starting the server without the designer.');
}

register();
const { runServer } = await import('../apps/server/src/index.ts');
const port = Number(process.env.SEAM_PORT ?? 4400);
try {
  await runServer({
    port,
    host: process.env.SEAM_HOST ?? '127.0.0.1',
    flowsDir: resolve(root, process.env.SEAM_FLOWS_DIR ?? 'flows'),
    dataDir: resolve(root, process.env.SEAM_DATA_DIR ?? '.seam'),
    webDist,
  });
} catch (error) {
  console.error(`seam: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
