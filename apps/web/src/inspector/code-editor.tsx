import { useEffect, useMemo, useRef } from 'react';
import CodeMirror, { EditorView, type Extension } from '@uiw/react-codemirror';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { useTheme } from '../app/theme';

export interface CodeError {
  /** 0-based character offsets of the text to underline. */
  readonly from: number;
  readonly to: number;
  readonly message: string;
}

/** A CodeMirror 6 editor with an error underlined where it is. */
export function CodeEditor({ value, onChange, language, errors, label, minHeight = '80px', readOnly = false }: {
  value: string;
  onChange?: (value: string) => void;
  language: Extension;
  errors?: readonly CodeError[];
  label: string;
  minHeight?: string;
  readOnly?: boolean;
}) {
  const view = useRef<EditorView | null>(null);
  const theme = useTheme((s) => s.theme);
  const extensions = useMemo(() => [language, EditorView.lineWrapping, EditorView.contentAttributes.of({ 'aria-label': label })], [language, label]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const length = v.state.doc.length;
    const diagnostics: Diagnostic[] = (errors ?? []).map((e) => {
      const from = Math.max(0, Math.min(e.from, length));
      return { from, to: Math.max(from, Math.min(e.to, length)), severity: 'error', message: e.message };
    });
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [errors, value]);

  return (
    <CodeMirror
      className="code-editor"
      value={value}
      onChange={onChange}
      extensions={extensions}
      editable={!readOnly}
      readOnly={readOnly}
      minHeight={minHeight}
      theme={theme}
      basicSetup={{ lineNumbers: false, foldGutter: false, highlightActiveLine: false, autocompletion: false }}
      onCreateEditor={(v) => { view.current = v; }}
    />
  );
}
