import { forwardRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { nodeDefinition } from '@seam/flow';
import { useEditorStore } from './editor-context';

/** Finds nodes by label, id or type: Enter selects the matches and brings them into view. */
export const NodeSearch = forwardRef<HTMLInputElement>(function NodeSearch(_props, ref) {
  const store = useEditorStore();
  const { fitView } = useReactFlow();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<number | undefined>();

  const search = () => {
    const q = query.trim().toLowerCase();
    if (!q) return;
    const ids = store.getState().document.nodes
      .filter((n) => `${n.label ?? ''} ${n.id} ${n.type} ${nodeDefinition(n.type)?.title ?? ''}`.toLowerCase().includes(q))
      .map((n) => n.id);
    setFound(ids.length);
    store.getState().select(ids);
    if (ids.length) void fitView({ nodes: ids.map((id) => ({ id })), padding: 0.4, duration: 250, maxZoom: 1.2 });
  };

  return (
    <div className="node-search">
      <input
        ref={ref}
        type="search"
        placeholder="Search nodes"
        aria-label="Search nodes"
        value={query}
        onChange={(e) => { setQuery(e.target.value); setFound(undefined); }}
        onKeyDown={(e) => { if (e.key === 'Enter') search(); if (e.key === 'Escape') (e.target as HTMLInputElement).blur(); }}
      />
      {found !== undefined && <span className="muted small">{found === 0 ? 'no match' : `${found} found`}</span>}
    </div>
  );
});
