import type { FlowSummary } from '../api/api-types';
import { routeHref } from '../app/router';

export type FlowAction = 'duplicate' | 'rename' | 'export' | 'delete';

/** The flows as a table: what each one is, whether it is valid and running, and what went wrong lately. */
export function FlowTable({ flows, onAction }: { flows: readonly FlowSummary[]; onAction: (flow: FlowSummary, action: FlowAction) => void }) {
  return (
    <table className="flow-table">
      <thead>
        <tr>
          <th>Flow</th>
          <th>Validation</th>
          <th>State</th>
          <th>Last run</th>
          <th className="num">Dead letters</th>
          <th aria-label="Actions" />
        </tr>
      </thead>
      <tbody>
        {flows.map((flow) => (
          <tr key={flow.id} data-flow-id={flow.id}>
            <td>
              <a className="flow-name" href={routeHref({ page: 'flow', id: flow.id, tab: 'design' })}>{flow.name}</a>
              <div className="muted small flow-description" title={flow.description}>{flow.id}{flow.description ? ` · ${flow.description}` : ''}</div>
            </td>
            <td>
              {flow.valid
                ? <span className="pill pill-ok">✓ Valid</span>
                : <span className="pill pill-error">{flow.problems} problem{flow.problems === 1 ? '' : 's'}</span>}
            </td>
            <td><StateBadge flow={flow} /></td>
            <td className="small">{describeLastRun(flow.lastRun)}</td>
            <td className="num">
              {flow.dlqDepth > 0
                ? <a className="pill pill-warn" href={routeHref({ page: 'flow', id: flow.id, tab: 'dead-letters' })}>{flow.dlqDepth}</a>
                : <span className="muted">0</span>}
            </td>
            <td className="row-actions">
              <button className="button small ghost" onClick={() => onAction(flow, 'duplicate')}>Duplicate</button>
              <button className="button small ghost" onClick={() => onAction(flow, 'rename')}>Rename</button>
              <button className="button small ghost" onClick={() => onAction(flow, 'export')}>Export</button>
              <button className="button small ghost danger" onClick={() => onAction(flow, 'delete')}>Delete</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StateBadge({ flow }: { flow: FlowSummary }) {
  if (!flow.deployed) return <span className="pill">Not deployed</span>;
  if (flow.state === 'failing') return <span className="pill pill-error">● Failing</span>;
  return <span className="pill pill-live">● Running</span>;
}

function describeLastRun(run: FlowSummary['lastRun']): string {
  if (!run) return '—';
  const when = run.endedAt ?? run.startedAt;
  const counts = run.delivered !== undefined ? ` · ${run.delivered} delivered${run.deadLettered ? `, ${run.deadLettered} dead-lettered` : ''}` : '';
  return `${run.status}${when ? ` ${relativeTime(when)}` : ''}${counts}`;
}

/** "3 min ago" */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}
