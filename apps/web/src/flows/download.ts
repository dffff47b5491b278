import { serializeFlow, type FlowDocument } from '@seam/flow';

/** Downloads a flow in its canonical form: the same bytes the server writes to the flows folder. */
export function downloadFlow(document: FlowDocument, fileName = `${document.id}.json`): void {
  downloadText(fileName, serializeFlow(document));
}

/** Hands text to the browser as a downloaded JSON file. */
export function downloadText(fileName: string, text: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file name a flow is exported under: the base name of its file in the flows folder when known. */
export function exportFileName(id: string, file?: string): string {
  const base = file?.split(/[\\/]/).pop();
  return base && base.endsWith('.json') ? base : `${id}.json`;
}
