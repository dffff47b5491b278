import { memo, useState } from 'react';
import { nodeCatalog, nodeKinds, type NodeDefinition } from '@seam/flow';
import { kindStyle } from './kind-style';

/** The MIME type palette drags carry: the node type to create. */
export const PALETTE_MIME = 'application/x-seam-node-type';

/** Node types from the catalog, grouped by kind, each with its icon and one-line summary. Drag one onto the canvas. */
export const Palette = memo(function Palette({ onAdd, collapsed, onToggle }: { onAdd: (type: string) => void; collapsed: boolean; onToggle: () => void }) {
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const matches = (d: NodeDefinition) => !q || `${d.title} ${d.type} ${d.summary}`.toLowerCase().includes(q);
  if (collapsed) {
    return (
      <aside className="palette collapsed" aria-label="Node palette">
        <button type="button" className="button icon ghost" title="Show the node palette" aria-label="Show the node palette" onClick={onToggle}>»</button>
        {nodeKinds.map((kind) => (
          <section key={kind} className="palette-group">
            {nodeCatalog.filter((d) => d.kind === kind).map((d) => (
              <button
                key={d.type}
                type="button"
                className="palette-item compact"
                data-node-type={d.type}
                draggable
                title={`${d.title}: ${d.summary}`}
                aria-label={d.title}
                onDragStart={(e) => { e.dataTransfer.setData(PALETTE_MIME, d.type); e.dataTransfer.effectAllowed = 'copy'; }}
                onClick={() => onAdd(d.type)}
              >
                <span className="palette-icon" style={{ background: kindStyle[kind].color }} aria-hidden>{d.icon}</span>
              </button>
            ))}
          </section>
        ))}
      </aside>
    );
  }
  return (
    <aside className="palette" aria-label="Node palette">
      <div className="panel-heading">
        Add a node
        <button type="button" className="button icon ghost small" title="Hide the palette to give the canvas more room" aria-label="Hide the node palette" onClick={onToggle}>«</button>
      </div>
      <input className="palette-filter" placeholder="Filter node types" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter node types" />
      <p className="muted small palette-hint">Drag onto the canvas, or click to add.</p>
      {nodeKinds.map((kind) => {
        const defs = nodeCatalog.filter((d) => d.kind === kind && matches(d));
        if (defs.length === 0) return null;
        return (
          <section key={kind} className="palette-group">
            <h3 className="palette-kind" style={{ color: kindStyle[kind].color }}>{kindStyle[kind].label}</h3>
            {defs.map((d) => (
              <button
                key={d.type}
                type="button"
                className="palette-item"
                data-node-type={d.type}
                draggable
                title={d.doc}
                onDragStart={(e) => {
                  e.dataTransfer.setData(PALETTE_MIME, d.type);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
                onClick={() => onAdd(d.type)}
              >
                <span className="palette-icon" style={{ background: kindStyle[kind].color }} aria-hidden>{d.icon}</span>
                <span className="palette-text">
                  <span className="palette-title">{d.title}</span>
                  <span className="palette-summary">{d.summary}</span>
                </span>
              </button>
            ))}
          </section>
        );
      })}
    </aside>
  );
});
