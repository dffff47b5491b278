import { nodeDefinition } from '@seam/flow';
import { useEditor } from '../editor/editor-context';
import { nodeIndex } from '../editor/node-index';
import { FlowPanel } from './flow-panel';
import { NodePanel } from './node-panel';
import { EdgePanel } from './edge-panel';

/** The right-hand panel: the selected node's settings, the selected connection, or the flow itself. */
export function Inspector() {
  const selectedNodes = useEditor((s) => s.selectedNodes);
  const selectedEdges = useEditor((s) => s.selectedEdges);
  const node = useEditor((s) => (s.selectedNodes.length === 1 ? nodeIndex(s.document).get(s.selectedNodes[0] ?? '') : undefined));
  let body;
  if (node) body = <NodePanel key={node.id} node={node} definition={nodeDefinition(node.type)} />;
  else if (selectedNodes.length > 1) {
    body = (
      <div className="inspector-section">
        <h2 className="inspector-title">{selectedNodes.length} nodes selected</h2>
        <p className="muted">Drag to move them together, press Delete to remove them, or Ctrl+C to copy them into another flow.</p>
      </div>
    );
  } else if (selectedEdges.length >= 1) body = <EdgePanel edgeKeys={selectedEdges} />;
  else body = <FlowPanel />;
  return <aside className="inspector" aria-label="Inspector">{body}</aside>;
}
