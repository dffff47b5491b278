import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { nodeDefinition } from '@seam/flow';
import { useEditor } from '../editor/editor-context';
import { nodeIndex } from '../editor/node-index';
import { kindStyle } from './kind-style';
import { NodeActivityRow } from './node-activity-row';

export type SeamCanvasNode = Node<Record<string, never>, 'seam'>;

/** A node on the canvas: icon, label, type, its problems (badge + first message) and activity when known. */
export const SeamNode = memo(function SeamNode({ id, selected }: NodeProps<SeamCanvasNode>) {
  const node = useEditor((s) => nodeIndex(s.document).get(id));
  const problems = useEditor((s) => s.problems.byNode.get(id));
  if (!node) return null;
  const def = nodeDefinition(node.type);
  const style = def ? kindStyle[def.kind] : undefined;
  const count = problems?.length ?? 0;
  return (
    <div
      className={`seam-node${selected ? ' selected' : ''}${count ? ' has-problems' : ''}`}
      style={{ ['--kind' as string]: style?.color ?? '#888' }}
      data-testid={`node-${id}`}
    >
      {def && def.ports.inputs.map((port) => (
        <Handle key={port} type="target" position={Position.Left} id={port} className="seam-handle" />
      ))}
      <div className="seam-node-head">
        <span className="seam-node-icon" aria-hidden>{def?.icon ?? '?'}</span>
        <div className="seam-node-titles">
          <div className="seam-node-label">{node.label ?? node.id}</div>
          <div className="seam-node-type">{def?.title ?? `Unknown type “${node.type}”`}</div>
        </div>
        {count > 0 && <span className="problem-badge" title={problems?.map((p) => p.message).join('\n')}>{count}</span>}
      </div>
      {count > 0 && <div className="seam-node-problem">{problems?.[0]?.message}</div>}
      <NodeActivityRow nodeId={id} />
      {def && def.ports.outputs.map((port) => (
        <Handle key={port} type="source" position={Position.Right} id={port} className="seam-handle" />
      ))}
    </div>
  );
});
