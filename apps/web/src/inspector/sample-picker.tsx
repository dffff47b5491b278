/** "Sample 2 of 5" with previous/next, for previews over several sample messages. */
export function SamplePicker({ index, count, onChange }: { index: number; count: number; onChange: (i: number) => void }) {
  if (count <= 1) return <span className="muted small">{count === 1 ? '1 sample' : 'no sample'}</span>;
  return (
    <span className="sample-picker">
      <button type="button" className="button small ghost" aria-label="Previous sample" disabled={index === 0} onClick={() => onChange(index - 1)}>‹</button>
      <span className="small">Sample {index + 1} of {count}</span>
      <button type="button" className="button small ghost" aria-label="Next sample" disabled={index >= count - 1} onClick={() => onChange(index + 1)}>›</button>
    </span>
  );
}
