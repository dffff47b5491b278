import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the bench lives and writes: generated data and installed peers stay in git-ignored folders. */
export const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const repoRoot = path.dirname(benchDir);
export const dataDir = path.join(benchDir, '.data');
export const peersDir = path.join(benchDir, '.peers');
export const flowsDir = path.join(repoRoot, 'flows');
