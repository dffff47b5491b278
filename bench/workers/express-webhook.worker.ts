// Serves the hand-written Express webhook until the bench stops this process.
import { startExpressBaseline, type SinkClient } from '../webhook/express-baseline.js';
import { workerDone, workerInput } from '../lib/worker.js';

const input = workerInput<{ sinkUrl: string; schema: Record<string, unknown>; client: SinkClient }>();
const { hookUrl } = await startExpressBaseline(input.sinkUrl, input.schema, input.client);
workerDone({ ready: true, hookUrl });
