import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FlowDocument } from '@seam/flow';
import { applyChange, type FlowChange } from './flow-changes';
import { checkDocument, type FlowProblems } from './flow-problems';
import type { LiveCounts } from './node-metrics';
import { emptyHistory, recordEdit, redo, undo, type History } from './history';

/** What a test run or the live event stream says about one node. */
export interface NodeActivity {
  readonly ok: number;
  readonly failed: number;
  readonly lastOutput?: unknown;
  readonly lastError?: string;
  /** The messages that reached the node in the run (test runs only): the previews can use them. */
  readonly inputs?: readonly unknown[];
}

export interface EditorState {
  readonly flowId: string;
  readonly document: FlowDocument;
  /** The document as last loaded from or saved to the server: the editor is dirty when they differ. */
  readonly savedDocument: FlowDocument;
  readonly etag: string;
  readonly history: History;
  readonly selectedNodes: readonly string[];
  readonly selectedEdges: readonly string[];
  /** Output of the last test run, per node. */
  readonly testRun: Readonly<Record<string, NodeActivity>> | undefined;
  /** Counts from the live event stream while the flow is deployed, per node. */
  readonly live: Readonly<Record<string, LiveCounts>>;
  /** Format drift events per validate node (fields that needed a coercion), while deployed. */
  readonly drift: Readonly<Record<string, number>>;
  /** Problems found by the same checks the server runs; refreshed shortly after each edit. */
  readonly problems: FlowProblems;
  /** Snapshot taken when a drag starts, so a whole drag is one undo step. */
  readonly gestureStart: FlowDocument | undefined;
  /** The field last typed into and when: a burst of typing in one field is one undo step. */
  readonly lastTyping: { readonly key: string; readonly at: number } | undefined;
  /** A newer version exists on the server while there are local edits (saving will ask what to keep). */
  readonly remoteChanged: boolean;

  apply(change: FlowChange, options?: { readonly transient?: boolean }): void;
  undo(): void;
  redo(): void;
  beginGesture(): void;
  endGesture(): void;
  select(nodes: readonly string[], edges?: readonly string[]): void;
  markSaved(document: FlowDocument, etag: string): void;
  setTestRun(activity: Readonly<Record<string, NodeActivity>> | undefined): void;
  refreshProblems(): void;
  setLive(live: Readonly<Record<string, LiveCounts>>, drift?: Readonly<Record<string, number>>): void;
}

export type EditorStore = StoreApi<EditorState>;

/** One store per open editor (the flow id, its document and etag as loaded). */
export function createEditorStore(initial: { flowId: string; document: FlowDocument; etag: string }): EditorStore {
  return createStore<EditorState>()((set, get) => ({
    flowId: initial.flowId,
    document: initial.document,
    savedDocument: initial.document,
    etag: initial.etag,
    history: emptyHistory,
    selectedNodes: [],
    selectedEdges: [],
    testRun: undefined,
    live: {},
    drift: {},
    gestureStart: undefined,
    lastTyping: undefined,
    remoteChanged: false,
    problems: checkDocument(initial.document),

    apply: (change, options) => {
      const { document, history, gestureStart, lastTyping } = get();
      const next = applyChange(document, change);
      if (next === document) return;
      const typing = typingKey(change);
      const now = Date.now();
      const sameBurst = typing !== undefined && lastTyping?.key === typing && now - lastTyping.at < TYPING_BURST_MS;
      const transient = options?.transient === true || gestureStart !== undefined || sameBurst;
      set({ document: next, history: transient ? history : recordEdit(history, document), lastTyping: typing ? { key: typing, at: now } : undefined });
      if (change.type === 'remove') {
        const gone = new Set(change.nodeIds);
        const edges = new Set(change.edgeKeys);
        set((s) => ({ selectedNodes: s.selectedNodes.filter((id) => !gone.has(id)), selectedEdges: s.selectedEdges.filter((k) => !edges.has(k)) }));
      }
    },
    undo: () => {
      const result = undo(get().history, get().document);
      if (result) set({ document: result.document, history: result.history, gestureStart: undefined });
    },
    redo: () => {
      const result = redo(get().history, get().document);
      if (result) set({ document: result.document, history: result.history, gestureStart: undefined });
    },
    beginGesture: () => set({ gestureStart: get().document }),
    endGesture: () => {
      const { gestureStart, document, history } = get();
      if (gestureStart === undefined) return;
      set({ gestureStart: undefined, history: gestureStart === document ? history : recordEdit(history, gestureStart) });
    },
    select: (nodes, edges = []) => {
      const s = get();
      if (sameList(s.selectedNodes, nodes) && sameList(s.selectedEdges, edges)) return;
      set({ selectedNodes: nodes, selectedEdges: edges });
    },
    markSaved: (document, etag) => set({ document, savedDocument: document, etag, remoteChanged: false }),
    setTestRun: (testRun) => set({ testRun }),
    refreshProblems: () => set({ problems: checkDocument(get().document) }),
    setLive: (live, drift) => set(drift ? { live, drift } : { live }),
  }));
}

const TYPING_BURST_MS = 1000;

/** Edits that come from typing in one field, keyed by that field; undefined for every other edit. */
function typingKey(change: FlowChange): string | undefined {
  switch (change.type) {
    case 'set-config':
    case 'set-label':
    case 'set-samples':
    case 'set-contract':
      return `${change.type}:${change.nodeId}`;
    case 'set-meta':
      return `meta:${change.name !== undefined ? 'name' : 'description'}`;
    case 'set-runbook-note':
      return `runbook:${change.failureClass}`;
    default:
      return undefined;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
