import type { PreviewSource } from '../preview/use-preview-inputs';

/** Switches a preview between the flow's samples and the messages of the last test run. */
export function PreviewSourceToggle({ source, onChange }: { source: PreviewSource; onChange: (s: PreviewSource) => void }) {
  return (
    <span className="segmented" role="group" aria-label="Preview input">
      <button type="button" className={source === 'samples' ? 'active' : ''} aria-pressed={source === 'samples'} onClick={() => onChange('samples')}>Samples</button>
      <button type="button" className={source === 'test-run' ? 'active' : ''} aria-pressed={source === 'test-run'} onClick={() => onChange('test-run')}>Last test run</button>
    </span>
  );
}
