import { useState } from 'react';
import { useEditor } from '../editor/editor-context';
import { useNodeInputs } from './use-node-inputs';

export type PreviewSource = 'samples' | 'test-run';

const NONE: readonly unknown[] = [];

/**
 * What a node's preview runs on: the flow's samples with the upstream mappings applied, or — after a test run —
 * the messages that really reached the node on the server.
 */
export function usePreviewInputs(nodeId: string): {
  inputs: readonly unknown[] | undefined;
  source: PreviewSource;
  setSource: (s: PreviewSource) => void;
  hasTestRun: boolean;
} {
  const sampled = useNodeInputs(nodeId);
  const fromRun = useEditor((s) => s.testRun?.[nodeId]?.inputs ?? NONE);
  const [chosen, setSource] = useState<PreviewSource>('samples');
  const hasTestRun = fromRun.length > 0;
  const source = hasTestRun ? chosen : 'samples';
  return { inputs: source === 'test-run' ? fromRun : sampled, source, setSource, hasTestRun };
}
