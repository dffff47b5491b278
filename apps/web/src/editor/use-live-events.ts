import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, flowStatus } from '../api/api-client';
import { readToken } from '../api/token';
import { toast } from '../app/toasts';
import type { EditorStore } from './editor-store';
import { followRemote } from './follow-remote';
import { nodeCountsFromMetrics } from './node-metrics';

export interface Deployment {
  readonly deployed: boolean;
  readonly state: string | undefined;
  readonly busy: boolean;
  /** Pending dead letters of the flow. */
  readonly dlqDepth: number;
  deploy(): Promise<void>;
  stop(): Promise<void>;
  runOnce(): Promise<void>;
}

interface StreamEvent {
  readonly flowId?: string;
  readonly id?: string;
  readonly nodeId?: string;
  readonly state?: string;
  readonly dlqDepth?: number;
}

/**
 * The flow's deployment and the server's event stream: live per-node counts while deployed, state changes, and
 * a reload when the file changed elsewhere while there are no local edits.
 */
export function useLiveEvents(store: EditorStore): Deployment {
  const flowId = store.getState().flowId;
  const [deployed, setDeployed] = useState(false);
  const [state, setState] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [dlqDepth, setDlqDepth] = useState(0);
  const refreshDepth = useCallback(() => {
    api.listDeadLetters(flowId, 'pending', 1).then((p) => setDlqDepth(p.total), () => undefined);
  }, [flowId]);
  useEffect(() => { refreshDepth(); }, [refreshDepth]);

  const refresh = useCallback(async () => {
    try {
      const status = await flowStatus(flowId);
      setDeployed(status.deployed);
      setState(status.state);
    } catch {
      setDeployed(false);
    }
  }, [flowId]);

  useEffect(() => { void refresh(); }, [refresh]);

  // Per-node counts come from the metrics (the event stream carries only per-flow figures): poll while deployed.
  useEffect(() => {
    if (!deployed) return;
    let cancelled = false;
    const poll = async () => {
      try {
        const [text, drift] = await Promise.all([api.metricsText(), api.drift(flowId)]);
        const perNode: Record<string, number> = {};
        for (const d of drift) perNode[d.nodeId] = (perNode[d.nodeId] ?? 0) + d.count;
        if (!cancelled) store.getState().setLive(nodeCountsFromMetrics(text, flowId), perNode);
      } catch { /* the next poll retries */ }
    };
    void poll();
    const timer = window.setInterval(() => void poll(), 2000);
    return () => { cancelled = true; window.clearInterval(timer); };
  }, [deployed, flowId, store]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/events?token=${encodeURIComponent(readToken() ?? '')}`);
    const parse = (e: MessageEvent): StreamEvent => {
      try { return JSON.parse(String(e.data)) as StreamEvent; } catch { return {}; }
    };
    source.addEventListener('flow-state', (e) => {
      const ev = parse(e);
      if (ev.flowId === flowId) { setState(ev.state); void refresh(); }
    });
    source.addEventListener('dead-letter', (e) => { if (parse(e).flowId === flowId) refreshDepth(); });
    source.addEventListener('stats', (e) => {
      const ev = parse(e);
      if (ev.flowId === flowId && typeof ev.dlqDepth === 'number') setDlqDepth(ev.dlqDepth);
    });
    const follow = () => { followRemote(store).catch(() => undefined); };
    source.addEventListener('flow-changed', (e) => {
      const ev = parse(e);
      if ((ev.id ?? ev.flowId) === flowId) follow();
    });
    // A change made while the stream was not (yet) connected, or while the tab was in the background.
    source.addEventListener('open', follow);
    window.addEventListener('focus', follow);
    return () => { source.close(); window.removeEventListener('focus', follow); };
  }, [flowId, store, refresh, refreshDepth]);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      const said = await action();
      toast(typeof said === 'string' ? said : done, 'success');
    } catch (error) {
      toast(errorMessage(error), 'error');
    } finally {
      setBusy(false);
      refreshDepth();
      await refresh();
    }
  };

  return {
    deployed,
    state,
    busy,
    dlqDepth,
    deploy: () => run(() => api.deploy(flowId), 'Deployed: the flow’s sources are running.'),
    stop: () => run(() => api.stop(flowId), 'Stopped.'),
    runOnce: () => run(async () => {
      const summary = await api.runOnce(flowId);
      return `Run finished: ${summary.received} received, ${summary.delivered} delivered, ${summary.deadLettered} dead-lettered.`;
    }, ''),
  };
}
