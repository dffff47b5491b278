import { useEffect, useState } from 'react';

/** Edits any JSON value as text; the value changes only when the text parses, otherwise the parse error shows. */
export function JsonTextField({ value, onChange, label, rows = 6 }: { value: unknown; onChange: (v: unknown) => void; label: string; rows?: number }) {
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    // Follow outside changes (undo, reload) unless the text already means the same value.
    setText((current) => (sameJson(current, value) ? current : format(value)));
  }, [value]);
  return (
    <>
      <textarea
        className="json-text"
        aria-label={label}
        rows={rows}
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') { setError(undefined); onChange(undefined); return; }
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            setError(undefined);
            onChange(parsed);
          } catch (thrown) {
            setError(thrown instanceof Error ? thrown.message : String(thrown));
          }
        }}
      />
      {error && <span className="error-text">Not valid JSON yet: {error}</span>}
    </>
  );
}

function format(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}
