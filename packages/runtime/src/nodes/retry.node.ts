import { retryPolicy } from '@seam/flow';
import type { RegisteredRunner } from './node-runner.js';

export const retryRunner: RegisteredRunner = {
  type: retryPolicy.type,
  create: (raw) => ({ kind: 'retry', policy: retryPolicy.config.parse(raw) }),
};
