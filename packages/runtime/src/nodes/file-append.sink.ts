import { mkdirSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileSink } from '@seam/flow';
import { insideRoot } from '../safe-path.js';
import { createBatchQueue } from './batch-queue.js';
import { stepRunner } from './node-runner.js';

/** Appends each message as one JSON line; lines gathered in the same tick go out in one write. */
export const fileAppendRunner = stepRunner(fileSink, (config, env) => {
  const path = insideRoot(env.dataDir, config.path, 'file sink path');
  let handle: Promise<FileHandle> | undefined;
  const queue = createBatchQueue<string>(1000, async (lines) => {
    handle ??= (mkdirSync(dirname(path), { recursive: true }), open(path, 'a'));
    await (await handle).appendFile(lines.join(''));
  });
  return {
    local: true,
    run: (input) => queue.push(`${JSON.stringify(input)}\n`),
    close: async () => {
      await queue.drain();
      if (handle) await (await handle).close();
    },
  };
});
