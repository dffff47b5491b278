// Serves the hand-written Express webhook until the bench stops this process.
import { startExpressBaseline } from '../webhook/express-baseline.js';
import { workerDone, workerInput } from '../lib/worker.js';

const input = workerInput<{ sinkUrl: string; schema: Record<string, unknown> }>();
const { hookUrl } = await startExpressBaseline(input.sinkUrl, input.schema);
workerDone({ ready: true, hookUrl });
