import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api/api-client';
import type { ContractReport } from '../api/api-types';
import { routeHref } from '../app/router';
import { toast } from '../app/toasts';
import { useEditor } from '../editor/editor-context';
import { relativeTime } from '../flows/flow-table';
import { brokenMessages, contractHeadline, describeSubject, hasPactSinks } from './contract-status';
import { downloadJsonFiles } from './download-json';

/**
 * Contract-test status (DESIGN pillars 3 and 4): what `seam test` says about the flow as saved, checked again on
 * every save (the etag changes) and on demand; its Pact files for download.
 */
export function ContractsCard({ flowId }: { flowId: string }) {
  const etag = useEditor((s) => s.etag);
  const saved = useEditor((s) => s.savedDocument);
  const dirty = useEditor((s) => s.document !== s.savedDocument);
  const [report, setReport] = useState<ContractReport | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);
  const [downloading, setDownloading] = useState(false);

  const check = useCallback(async (isCancelled: () => boolean = () => false) => {
    setChecking(true);
    try {
      const next = await api.contracts(flowId);
      if (isCancelled()) return;
      setReport(next);
      setError(undefined);
    } catch (e) {
      if (!isCancelled()) { setReport(undefined); setError(errorMessage(e)); }
    } finally {
      if (!isCancelled()) setChecking(false);
    }
  }, [flowId]);

  useEffect(() => {
    let cancelled = false;
    void check(() => cancelled);
    return () => { cancelled = true; };
  }, [check, etag]);

  const download = async () => {
    setDownloading(true);
    try {
      const pacts = await api.pacts(flowId);
      if (pacts.length === 0) toast('No Pact files: only HTTP request sinks with a contract get one.', 'info');
      else downloadJsonFiles(pacts.map((p) => ({ fileName: p.fileName, content: p.pact })));
    } catch (e) {
      toast(errorMessage(e), 'error');
    } finally {
      setDownloading(false);
    }
  };

  const labelOf = (nodeId: string) => saved.nodes.find((n) => n.id === nodeId)?.label;
  const headline = report && contractHeadline(report);
  const pactable = hasPactSinks(saved);

  return (
    <section className="monitor-section contracts-card" data-testid="contracts">
      <div className="contracts-head">
        <h2>Contracts</h2>
        {headline && (
          <span className={`contracts-status contracts-${headline.tone}`} data-testid="contracts-status">
            {headline.tone === 'ok' ? '✓ ' : headline.tone === 'broken' ? '✕ ' : ''}{headline.text}
          </span>
        )}
        <span className="contracts-actions">
          <button className="button small" onClick={() => void check()} disabled={checking}>{checking ? 'Checking…' : 'Check again'}</button>
          <button
            className="button small"
            onClick={() => void download()}
            disabled={downloading || !pactable}
            title={pactable ? 'One Pact v3 file per HTTP request sink with a contract, as seam test --pact writes them' : 'Pact files describe HTTP calls: this flow has no HTTP request sink with a contract'}
          >
            Download Pact files
          </button>
        </span>
      </div>
      <p className="muted small contracts-explain">
        Each source’s example messages go through the flow’s mappings and checks (nothing is sent), and whatever reaches
        a sink must match that sink’s contract; each contract’s own examples must match it too. The same check
        as <code>seam test</code> in CI.{report && report.checked > 0 && !pactable ? ' No Pact files: Pact describes HTTP calls, and no HTTP request sink of this flow has a contract.' : ''}
      </p>
      {error && <div className="banner banner-error contracts-error" role="alert">Could not check the contracts: {error}</div>}
      {!report && !error && <p className="muted small">Checking…</p>}
      {report && report.checked === 0 && (
        <p className="muted small">
          This flow has no contracts yet. In Design, select a source or a sink and add its contract (a JSON Schema and
          example messages) in the inspector.
        </p>
      )}
      {report && report.failures.length > 0 && (
        <table className="flow-table contracts-failures" data-testid="contract-failures">
          <thead><tr><th>Node</th><th>Message</th><th>What is wrong</th></tr></thead>
          <tbody>
            {brokenMessages(report.failures).map((m) => (
              <tr key={`${m.nodeId}:${m.subject}`}>
                <td>{labelOf(m.nodeId) ?? m.nodeId}<div className="muted small"><code>{m.nodeId}</code></div></td>
                <td>{describeSubject(m.subject)}</td>
                <td className="error-text">{m.problems.map((p) => <div key={p}>{p}</div>)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report && report.broken > 0 && (
        <p className="small contracts-next">
          To fix it, open <a href={routeHref({ page: 'flow', id: flowId, tab: 'design' })}>Design</a> and change the mapping
          so it produces what the sink’s contract asks for — or the contract, if it is the one that is wrong (select the
          source or sink → inspector → Contract). Saving checks again.
        </p>
      )}
      {report && report.notes.length > 0 && report.checked > 0 && (
        <ul className="plain-list muted small">{report.notes.map((n) => <li key={n}>{n}</li>)}</ul>
      )}
      {report && (
        <p className="muted small contracts-when">
          Checked {relativeTime(report.checkedAt)} against the flow as saved{dirty ? ' — your unsaved changes are not included until you save' : ''}.
        </p>
      )}
    </section>
  );
}
