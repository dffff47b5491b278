import { failureClasses } from '@seam/flow';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api/api-client';
import type { DeadLetter } from '../api/api-types';
import { toast } from '../app/toasts';
import { relativeTime } from '../flows/flow-table';
import { DeadLetterDetail } from './dead-letter-detail';

/** The flow's dead letters: what failed where and why; open one to inspect, fix, replay or discard it. */
export function DeadLettersView({ flowId }: { flowId: string }) {
  const [status, setStatus] = useState<'pending' | 'replayed' | 'discarded'>('pending');
  const [items, setItems] = useState<readonly DeadLetter[] | undefined>();
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const [reason, setReason] = useState('');

  const refresh = useCallback(async () => {
    try {
      const page = await api.listDeadLetters(flowId, status, 100, reason || undefined);
      setItems(page.items);
      setTotal(page.total);
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [flowId, status, reason]);

  useEffect(() => { void refresh(); }, [refresh]);

  const replayAll = async () => {
    if (!items?.length) return;
    try {
      const outcomes = await Promise.all(items.map((d) => api.replayDeadLetter(d.id)));
      const delivered = outcomes.filter((o) => o.result === 'delivered').length;
      toast(`Replayed ${outcomes.length}: ${delivered} delivered, ${outcomes.length - delivered} failed again.`, delivered === outcomes.length ? 'success' : 'error');
      await refresh();
    } catch (e) {
      toast(errorMessage(e), 'error');
    }
  };

  return (
    <main className="page-body runs-page">
      <div className="page-title-row">
        <h1>Dead letters</h1>
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="pending">Waiting ({status === 'pending' ? total : '…'})</option>
          <option value="replayed">Replayed</option>
          <option value="discarded">Discarded</option>
        </select>
        <select aria-label="Reason" value={reason} onChange={(e) => setReason(e.target.value)}>
          <option value="">Every reason</option>
          {failureClasses.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <button className="button" onClick={() => void refresh()}>Refresh</button>
        {status === 'pending' && items && items.length > 0 && <button className="button primary" onClick={() => void replayAll()}>Replay all shown</button>}
      </div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {items && items.length === 0 && (
        <div className="empty-state">
          <h2>No {status === 'pending' ? 'waiting ' : status} dead letters</h2>
          <p>When a message cannot be delivered after its retries, it lands here with its reason, and you can fix and replay it.</p>
        </div>
      )}
      {items && items.length > 0 && (
        <table className="flow-table">
          <thead><tr><th>When</th><th>Node</th><th>Reason</th><th>Message</th><th className="num">Attempts</th><th /></tr></thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id}>
                <td className="small">{relativeTime(d.lastFailedAt)}</td>
                <td><code>{d.nodeId}</code></td>
                <td><span className="pill pill-error">{d.errorClass}</span></td>
                <td className="small truncate" title={d.message}>{d.message}</td>
                <td className="num">{d.attempts}</td>
                <td><button className="button small" onClick={() => setOpen(d.id)}>Inspect</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <DeadLetterDetail id={open} onClose={() => setOpen(undefined)} onChanged={() => void refresh()} />}
    </main>
  );
}
