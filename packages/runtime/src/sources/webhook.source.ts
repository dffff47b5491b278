import { FlowError, webhookSource } from '@seam/flow';
import { sourceRunner } from '../nodes/node-runner.js';

/**
 * Registers with the server's WebhookIngress; each POSTed body is admitted and the caller's promise resolves with
 * the message id only once the message is durably in the inbox (the server then answers 202).
 */
export const webhookSourceRunner = sourceRunner(webhookSource, (config, env) => ({
  finite: false,
  start: async (ctx) => {
    const ingress = env.webhooks;
    if (!ingress) {
      throw new FlowError(`webhook "${env.nodeId}" needs the Seam server to receive HTTP: deploy the flow with \`seam serve\``, { errorClass: 'config' });
    }
    if (ctx.signal.aborted) return;
    const unregister = ingress.register(env.flowId, env.nodeId, { maxBodyBytes: config.maxBodyBytes, contentTypes: config.contentTypes }, async (body) => {
      if (ctx.signal.aborted) throw new FlowError(`flow "${env.flowId}" is stopped`, { errorClass: 'config' });
      // The server already enforced the node's maxBodyBytes; re-serialised JSON may differ a little in size.
      const admitted = await ctx.emit(body, { maxBytes: config.maxBodyBytes * 2 });
      await admitted.stored;
      return { messageId: admitted.messageId };
    });
    await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
    unregister();
  },
}));
