// Runs Seam's server until the bench stops this process (SIGTERM closes it cleanly); optionally deploys a flow.
import { loadStartServer } from '../lib/seam-modules.js';
import { workerDone, workerInput } from '../lib/worker.js';

interface Input {
  readonly flowsDir: string;
  readonly dataDir: string;
  readonly webDist?: string;
  /** The flow to deploy and its webhook node, for the webhook figure. */
  readonly deploy?: { readonly flowId: string; readonly webhookNodeId: string };
}

const input = workerInput<Input>();
const startServer = await loadStartServer();
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  flowsDir: input.flowsDir,
  dataDir: input.dataDir,
  ...(input.webDist ? { webDist: input.webDist } : {}),
  token: 'bench-token',
  // crm-to-billing sends "Bearer {{secret.BILLING_TOKEN}}" to billing.
  runtime: { secrets: { BILLING_TOKEN: 'bench-billing-token' } },
});
let hookUrl: string | undefined;
if (input.deploy) {
  const { flowId, webhookNodeId } = input.deploy;
  const deployed = await fetch(`${server.url}/api/flows/${flowId}/deploy`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } });
  if (!deployed.ok) throw new Error(`deploying ${flowId} failed: HTTP ${deployed.status} ${await deployed.text()}`);
  hookUrl = `${server.url}/hooks/${flowId}/${webhookNodeId}`;
}
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
workerDone({ ready: true, url: server.url, token: server.token, ...(hookUrl ? { hookUrl } : {}) });
