import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/api-client';
import type { MessageTrace, RunRecord } from '../api/api-types';
import { relativeTime } from '../flows/flow-table';

/** Recent runs of the flow; open one to see each message's path through the nodes. */
export function RunsView({ flowId }: { flowId: string }) {
  const [runs, setRuns] = useState<readonly RunRecord[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const [messages, setMessages] = useState<readonly MessageTrace[] | undefined>();

  useEffect(() => {
    api.listRuns(flowId).then((p) => setRuns(p.items), (e: unknown) => setError(errorMessage(e)));
  }, [flowId]);
  useEffect(() => {
    if (!open) return;
    setMessages(undefined);
    api.listMessages(open).then((p) => setMessages(p.items), (e: unknown) => setError(errorMessage(e)));
  }, [open]);

  return (
    <main className="page-body runs-page">
      <div className="page-title-row"><h1>Run history</h1></div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {runs && runs.length === 0 && (
        <div className="empty-state">
          <h2>No runs yet</h2>
          <p>Deploy the flow, run it once, or use “Test run” in the designer; each run and its messages show up here.</p>
        </div>
      )}
      {runs && runs.length > 0 && (
        <table className="flow-table">
          <thead><tr><th>Started</th><th>Trigger</th><th>Status</th><th className="num">Received</th><th className="num">Delivered</th><th className="num">Dead-lettered</th><th /></tr></thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.runId} className={open === r.runId ? 'selected-row' : ''}>
                <td className="small">{relativeTime(r.startedAt)}</td>
                <td>{r.trigger}</td>
                <td><span className={`pill ${r.status === 'failed' ? 'pill-error' : r.status === 'running' ? 'pill-live' : 'pill-ok'}`}>{r.status}</span></td>
                <td className="num">{r.received}</td>
                <td className="num">{r.delivered}</td>
                <td className="num">{r.deadLettered}</td>
                <td><button className="button small" onClick={() => setOpen(r.runId)}>Messages</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <section className="trace-list">
          <h2>Messages of this run</h2>
          {!messages && <p className="muted">Loading…</p>}
          {messages?.map((m) => (
            <div key={m.messageId} className="trace">
              <div className="small"><code>{m.messageId}</code> <span className="pill">{m.status}</span></div>
              <ol className="trace-steps">
                {m.steps.map((s, i) => (
                  <li key={i} className={s.status}>
                    <code>{s.nodeId}</code> {s.status}{s.durationMs !== undefined ? ` in ${s.durationMs} ms` : ''}
                    {s.error && <span className="error-text"> — {s.error.errorClass}: {s.error.message}</span>}
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </section>
      )}
    </main>
  );
}
