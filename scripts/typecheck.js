// Type-checks every project of the workspace with one command; each has its own compiler options
// (the flow model sees neither Node nor DOM types, the web app sees DOM but not Node).
import { spawnSync } from 'node:child_process';

const projects = ['packages/flow', 'packages/runtime', 'packages/jsonata-compiler', 'packages/contracts', 'apps/server', 'apps/cli', 'apps/web', '.'];
let failed = false;
for (const project of projects) {
  const result = spawnSync('npx', ['tsc', '-p', project], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`typecheck failed in ${project}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
