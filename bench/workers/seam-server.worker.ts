// Runs Seam's server with crm-to-billing deployed until the bench stops this process (SIGTERM closes it cleanly).
import { loadStartServer } from '../lib/seam-modules.js';
import { workerDone, workerInput } from '../lib/worker.js';

interface Input {
  readonly flowsDir: string;
  readonly dataDir: string;
  readonly flowId: string;
  readonly webhookNodeId: string;
}

const input = workerInput<Input>();
const startServer = await loadStartServer();
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  flowsDir: input.flowsDir,
  dataDir: input.dataDir,
  token: 'bench-token',
  // crm-to-billing sends "Bearer {{secret.BILLING_TOKEN}}" to billing.
  runtime: { secrets: { BILLING_TOKEN: 'bench-billing-token' } },
});
const deployed = await fetch(`${server.url}/api/flows/${input.flowId}/deploy`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } });
if (!deployed.ok) throw new Error(`deploying ${input.flowId} failed: HTTP ${deployed.status} ${await deployed.text()}`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
workerDone({ ready: true, hookUrl: `${server.url}/hooks/${input.flowId}/${input.webhookNodeId}` });
