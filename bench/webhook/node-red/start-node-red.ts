import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { stopChild, waitUntilAccepting, type Service } from '../service.js';
import { nodeRedFlows, nodeRedHookPath, writeNodeRedUserDir } from './node-red-flow.js';

/** A free loopback port: Node-RED takes its port from the settings file, not 0. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts Node-RED from bench/.peers with the crm-to-billing flow and waits until it accepts an event. */
export async function startNodeRed(redJs: string, userDir: string, expression: string, schema: Record<string, unknown>, sinkUrl: string, probeBody: string): Promise<Service> {
  const port = await freePort();
  const settings = writeNodeRedUserDir(userDir, port, nodeRedFlows(expression, schema, sinkUrl));
  const child = spawn(process.execPath, [redJs, '--settings', settings, '--userDir', userDir], {
    cwd: path.dirname(redJs),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: Buffer) => (output = (output + c.toString()).slice(-3000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const hookUrl = `http://127.0.0.1:${port}${nodeRedHookPath}`;
  try {
    await waitUntilAccepting(hookUrl, probeBody, 60_000);
  } catch (e) {
    await stopChild(child);
    throw new Error(`Node-RED did not start: ${e instanceof Error ? e.message : String(e)}; output: ${output.trim().split('\n').slice(-4).join(' | ')}`);
  }
  return { label: 'Node-RED', hookUrl, stop: () => stopChild(child) };
}
