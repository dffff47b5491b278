import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, useReactFlow,
  type Connection, type EdgeChange, type NodeChange, type OnConnectEnd,
} from '@xyflow/react';
import { nodeDefinition, DEFAULT_INPUT_PORT, DEFAULT_OUTPUT_PORT, type FlowEdge } from '@seam/flow';
import { useEditor, useEditorStore } from '../editor/editor-context';
import { connectionRefusal } from '../editor/connection-rules';
import { nodeIndex } from '../editor/node-index';
import { toast } from '../app/toasts';
import { kindStyle } from './kind-style';
import { PALETTE_MIME } from './palette';
import { SeamNode, type SeamCanvasNode } from './seam-node';
import { useCanvasEdges, useCanvasNodes, type Measured } from './use-canvas-elements';
import { addNodeChange, NODE_WIDTH } from './add-node';
import { canvasColors, useTheme } from '../app/theme';

const nodeTypes = { seam: SeamNode };
const LARGE_FLOW = 150;

/** The flow as a graph: drag from the palette, connect ports, select, move. Edits go through the editor store. */
export function FlowCanvas() {
  const store = useEditorStore();
  const { screenToFlowPosition } = useReactFlow();
  const measured = useRef(new Map<string, Measured>());
  const [measureVersion, setMeasureVersion] = useState(0);
  const nodes = useCanvasNodes(measured.current, measureVersion);
  const edges = useCanvasEdges();
  const nodeCount = useEditor((s) => s.document.nodes.length);
  const theme = useTheme((s) => s.theme);
  const colors = canvasColors[theme];

  const onNodesChange = useCallback((changes: NodeChange<SeamCanvasNode>[]) => {
    const state = store.getState();
    const positions: Record<string, { x: number; y: number }> = {};
    let selection: Set<string> | undefined;
    let resized = false;
    for (const c of changes) {
      if (c.type === 'position' && c.position) positions[c.id] = c.position;
      else if (c.type === 'dimensions' && c.dimensions) {
        measured.current.set(c.id, c.dimensions);
        resized = true;
      } else if (c.type === 'select') {
        selection ??= new Set(state.selectedNodes);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      }
    }
    if (Object.keys(positions).length) state.apply({ type: 'move-nodes', positions });
    if (selection) state.select([...selection], store.getState().selectedEdges);
    if (resized) setMeasureVersion((v) => v + 1);
  }, [store]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const state = store.getState();
    let selection: Set<string> | undefined;
    for (const c of changes) {
      if (c.type === 'select') {
        selection ??= new Set(state.selectedEdges);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      }
    }
    if (selection) state.select(store.getState().selectedNodes, [...selection]);
  }, [store]);

  const isValidConnection = useCallback(
    (c: Connection | { source: string; target: string; sourceHandle?: string | null; targetHandle?: string | null }) =>
      connectionRefusal(store.getState().document, c) === undefined,
    [store],
  );

  const onConnect = useCallback((c: Connection) => {
    const state = store.getState();
    if (connectionRefusal(state.document, c)) return;
    const edge: FlowEdge = {
      from: c.source,
      ...(c.sourceHandle && c.sourceHandle !== DEFAULT_OUTPUT_PORT ? { fromPort: c.sourceHandle } : {}),
      to: c.target,
      ...(c.targetHandle && c.targetHandle !== DEFAULT_INPUT_PORT ? { toPort: c.targetHandle } : {}),
    };
    state.apply({ type: 'connect', edge });
  }, [store]);

  // When a connection is dropped where it may not go, say why instead of silently doing nothing.
  const onConnectEnd: OnConnectEnd = useCallback((event, connection) => {
    if (connection.isValid) return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    const element = point ? document.elementFromPoint(point.clientX, point.clientY) : null;
    const targetId = connection.toNode?.id ?? element?.closest('.react-flow__node')?.getAttribute('data-id');
    const fromId = connection.fromNode?.id;
    if (!targetId || !fromId) return;
    const fromIsSource = connection.fromHandle?.type === 'source';
    const reason = connectionRefusal(store.getState().document, {
      source: fromIsSource ? fromId : targetId,
      target: fromIsSource ? targetId : fromId,
      sourceHandle: fromIsSource ? connection.fromHandle?.id ?? null : connection.toHandle?.id ?? null,
      targetHandle: fromIsSource ? connection.toHandle?.id ?? null : connection.fromHandle?.id ?? null,
    });
    if (reason) toast(`Cannot connect: ${reason}.`, 'error');
  }, [store]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(PALETTE_MIME);
    if (!type || !nodeDefinition(type)) return;
    e.preventDefault();
    const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const state = store.getState();
    const { change, nodeId } = addNodeChange(state.document, type, { x: at.x - NODE_WIDTH / 2, y: at.y - 30 });
    state.apply(change);
    state.select([nodeId]);
  }, [store, screenToFlowPosition]);

  const minimapColor = useCallback((n: SeamCanvasNode) => {
    const type = nodeIndex(store.getState().document).get(n.id)?.type;
    const def = type ? nodeDefinition(type) : undefined;
    return def ? kindStyle[def.kind].color : '#999';
  }, [store]);

  const fitViewOptions = useMemo(() => ({ padding: 0.06, maxZoom: 1.2 }), []);

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<SeamCanvasNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={() => store.getState().beginGesture()}
        onNodeDragStop={() => store.getState().endGesture()}
        onSelectionDragStart={() => store.getState().beginGesture()}
        onSelectionDragStop={() => store.getState().endGesture()}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={2}
        onlyRenderVisibleElements={nodeCount > LARGE_FLOW}
        proOptions={{ hideAttribution: true }}
        colorMode={theme}
      >
        <Background gap={24} color={colors.grid} />
        <Controls showInteractive={false} position="bottom-left" />
        {nodeCount > 0 && <MiniMap pannable zoomable nodeColor={minimapColor} position="bottom-right" ariaLabel="Minimap" style={{ width: 160, height: 100 }} bgColor={colors.minimapBg} maskColor={colors.minimapMask} nodeBorderRadius={3} />}
      </ReactFlow>
      {nodeCount === 0 && (
        <div className="canvas-empty">
          <h2>An empty flow</h2>
          <p>Drag a <strong>source</strong> from the palette on the left, then a transform, a validation, a retry policy and a sink.
            Connect them by dragging from a node’s right handle to the next node’s left handle.</p>
        </div>
      )}
    </div>
  );
}
