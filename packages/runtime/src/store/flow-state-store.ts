import type { SqliteDatabase } from './sqlite-store.js';
import type { FlowStateStore } from './store-types.js';

export function createSqliteFlowState(db: SqliteDatabase): FlowStateStore {
  const deploy = db.prepare(
    'INSERT INTO deployed_flows (flow_id, file, deployed_at) VALUES (?, ?, ?) ON CONFLICT(flow_id) DO UPDATE SET file = excluded.file, deployed_at = excluded.deployed_at',
  );
  const undeploy = db.prepare('DELETE FROM deployed_flows WHERE flow_id = ?');
  const deployed = db.prepare('SELECT flow_id AS flowId, file FROM deployed_flows ORDER BY flow_id');
  const get = db.prepare('SELECT value FROM flow_state WHERE flow_id = ? AND key = ?').pluck();
  const set = db.prepare(
    'INSERT INTO flow_state (flow_id, key, value) VALUES (?, ?, ?) ON CONFLICT(flow_id, key) DO UPDATE SET value = excluded.value',
  );
  const del = db.prepare('DELETE FROM flow_state WHERE flow_id = ? AND key = ?');
  return {
    markDeployed: (flowId, file, at) => {
      deploy.run(flowId, file, at);
    },
    markUndeployed: (flowId) => {
      undeploy.run(flowId);
    },
    deployed: () => deployed.all() as { flowId: string; file: string }[],
    get: (flowId, key) => {
      const value = get.get(flowId, key) as string | undefined;
      return value === undefined ? undefined : (JSON.parse(value) as unknown);
    },
    set: (flowId, key, value) => {
      set.run(flowId, key, JSON.stringify(value));
    },
    delete: (flowId, key) => {
      del.run(flowId, key);
    },
  };
}
