import path from 'node:path';
import { rmSync } from 'node:fs';
import { spawnTs } from '../lib/worker.js';
import { dataDir } from '../lib/paths.js';
import { loadStartServer } from '../lib/seam-modules.js';
import type { CrmFlowParts } from '../crm/crm-flow.js';
import { stopChild, waitForReadyLine, waitUntilAccepting, type Service } from './service.js';
import { writeSeamWebhookFlow } from './seam-webhook-flow.js';

async function startWorkerService(label: string, script: string, input: unknown, probeBody: string): Promise<Service> {
  const child = spawnTs({ script, input });
  const { hookUrl } = await waitForReadyLine(child, label, 60_000);
  if (!hookUrl) {
    await stopChild(child);
    throw new Error(`${label} announced no webhook URL`);
  }
  try {
    await waitUntilAccepting(hookUrl, probeBody, 30_000);
  } catch (e) {
    await stopChild(child);
    throw e;
  }
  return { label, hookUrl, stop: () => stopChild(child) };
}

/** Seam's own server with crm-to-billing deployed, on a fresh data folder (its inbox and DLQ start empty). */
export async function startSeamService(crm: CrmFlowParts, sinkUrl: string, probeBody: string): Promise<Service> {
  await loadStartServer();
  const folder = path.join(dataDir, 'webhook-seam');
  rmSync(folder, { recursive: true, force: true });
  const flowsDir = path.join(folder, 'flows');
  writeSeamWebhookFlow(crm, flowsDir, sinkUrl);
  const service = await startWorkerService(
    'Seam',
    'workers/seam-server.worker.ts',
    { flowsDir, dataDir: path.join(folder, 'data'), deploy: { flowId: crm.document.id, webhookNodeId: crm.webhookNodeId } },
    probeBody,
  );
  return { ...service, stop: () => service.stop().then(() => rmSync(folder, { recursive: true, force: true })) };
}

export function startExpressService(crm: CrmFlowParts, sinkUrl: string, probeBody: string): Promise<Service> {
  return startWorkerService('Express', 'workers/express-webhook.worker.ts', { sinkUrl, schema: crm.schema }, probeBody);
}
