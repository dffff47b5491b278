import { useEditor } from '../editor/editor-context';

/** Under a node: live counts while deployed, or what the last test run produced there. */
export function NodeActivityRow({ nodeId }: { nodeId: string }) {
  const test = useEditor((s) => s.testRun?.[nodeId]);
  const live = useEditor((s) => s.live[nodeId]);
  const drift = useEditor((s) => s.drift[nodeId] ?? 0);
  if (!test && !live) return null;
  return (
    <div className="seam-node-activity">
      {live && (
        <div className="activity-live" title="Messages through this node since the server started" data-testid={`live-${nodeId}`}>
          <span>in {live.received}</span>
          <span className="ok">ok {live.delivered}</span>
          {live.failed > 0 && <span className="failed">failed {live.failed}</span>}
          {live.deadLettered > 0 && <span className="failed">dead {live.deadLettered}</span>}
          {drift > 0 && <span className="drift" title="Messages whose format drifted and was coerced: see Monitoring → Format drift">drift {drift}</span>}
        </div>
      )}
      {test && (
        <div className="activity-test" data-testid={`test-output-${nodeId}`}>
          <span className="ok">{test.ok} ok</span>
          {test.failed > 0 && <span className="failed">{test.failed} failed</span>}
          {test.lastError
            ? <div className="activity-output error-text">{test.lastError}</div>
            : test.lastOutput !== undefined && <pre className="activity-output">{preview(test.lastOutput)}</pre>}
        </div>
      )}
    </div>
  );
}

function preview(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 90 ? `${text.slice(0, 87)}…` : text;
}
