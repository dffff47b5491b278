import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api/api-client';
import type { DriftEvent, StatsBucket } from '../api/api-types';
import { relativeTime } from '../flows/flow-table';
import { ContractsCard } from './contracts-card';
import { TimeChart, type ChartSeries } from './time-chart';

const REFRESH_MS = 10_000;

/** Contract-test status, then throughput, errors, latency and dead-letter depth of the last hour, circuit breakers and format drift. */
export function MonitoringView({ flowId }: { flowId: string }) {
  const [buckets, setBuckets] = useState<readonly StatsBucket[] | undefined>();
  const [drift, setDrift] = useState<readonly DriftEvent[]>([]);
  const [breakers, setBreakers] = useState<Readonly<Record<string, string>>>({});
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const [stats, driftEvents, status] = await Promise.all([api.stats(flowId), api.drift(flowId), api.status(flowId)]);
        if (cancelled) return;
        setBuckets(stats.buckets);
        setDrift(driftEvents);
        setBreakers(status.breakers ?? {});
        setError(undefined);
      } catch (e) {
        if (!cancelled) setError(errorMessage(e));
      }
    };
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => { cancelled = true; window.clearInterval(timer); };
  }, [flowId]);

  const charts = useMemo(() => (buckets ? chartData(buckets) : undefined), [buckets]);
  const quiet = buckets !== undefined && buckets.every((b) => b.received === 0 && b.dlqDepth === 0);

  return (
    <main className="page-body runs-page">
      <div className="page-title-row"><h1>Monitoring</h1><span className="muted">last hour, per minute · refreshes every 10 s</span></div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      <ContractsCard flowId={flowId} />
      {quiet && (
        <div className="empty-state">
          <h2>No traffic in the last hour</h2>
          <p>Deploy the flow or run it once; throughput, errors, latency and dead letters show up here.</p>
        </div>
      )}
      {charts && !quiet && (
        <div className="chart-grid" data-testid="charts">
          <TimeChart title="Messages per minute" times={charts.times} series={charts.messages} />
          <TimeChart title="Latency (ms)" times={charts.times} series={charts.latency} />
          <TimeChart title="Error rate (%)" times={charts.times} series={charts.errors} />
          <TimeChart title="Dead letters waiting" times={charts.times} series={charts.dlq} />
        </div>
      )}
      <section className="monitor-section">
        <h2>Circuit breakers</h2>
        {Object.keys(breakers).length === 0
          ? <p className="muted small">No breaker has tripped; each sink behind a retry policy gets one once the flow runs.</p>
          : (
            <ul className="plain-list">
              {Object.entries(breakers).map(([node, state]) => (
                <li key={node}><code>{node}</code> <span className={`pill ${state === 'closed' ? 'pill-ok' : 'pill-error'}`}>{state}</span></li>
              ))}
            </ul>
          )}
      </section>
      <section className="monitor-section">
        <h2>Format drift</h2>
        {drift.length === 0
          ? <p className="muted small">No drift seen: every message matched its validation schema without a coercion.</p>
          : (
            <table className="flow-table" data-testid="drift">
              <thead><tr><th>Node</th><th>Field</th><th>Expected</th><th>Seen</th><th className="num">Count</th><th>First seen</th><th>Sample</th></tr></thead>
              <tbody>
                {drift.map((d) => (
                  <tr key={`${d.nodeId}:${d.field}:${d.seen}`}>
                    <td><code>{d.nodeId}</code></td>
                    <td><code>{d.field}</code></td>
                    <td>{d.expected}</td>
                    <td><span className="pill pill-warn">{d.seen}</span></td>
                    <td className="num">{d.count}</td>
                    <td className="small">{relativeTime(d.firstSeenAt)}</td>
                    <td className="small truncate"><code>{JSON.stringify(d.sample)}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
      </section>
    </main>
  );
}

function chartData(buckets: readonly StatsBucket[]): { times: number[]; messages: ChartSeries[]; latency: ChartSeries[]; errors: ChartSeries[]; dlq: ChartSeries[] } {
  const col = (f: (b: StatsBucket) => number | null) => buckets.map(f);
  return {
    times: buckets.map((b) => Date.parse(b.at) / 1000),
    messages: [
      { label: 'received', color: '#3558d4', values: col((b) => b.received) },
      { label: 'delivered', color: '#1f7a4d', values: col((b) => b.delivered) },
      { label: 'dead-lettered', color: '#c4321f', values: col((b) => b.deadLettered) },
    ],
    latency: [
      { label: 'p50', color: '#1f7a4d', values: col((b) => (b.received ? b.p50 : null)) },
      { label: 'p95', color: '#b7791f', values: col((b) => (b.received ? b.p95 : null)) },
      { label: 'p99', color: '#c4321f', values: col((b) => (b.received ? b.p99 : null)) },
    ],
    errors: [{ label: 'error rate', color: '#c4321f', values: col((b) => (b.received ? Math.round(b.errorRate * 1000) / 10 : null)) }],
    dlq: [{ label: 'waiting', color: '#9a6200', values: col((b) => b.dlqDepth) }],
  };
}
