import { downloadText } from '../flows/download';

/** Downloads JSON documents, one file each, pretty-printed like `seam test --pact` writes them. */
export function downloadJsonFiles(files: readonly { readonly fileName: string; readonly content: unknown }[]): void {
  files.forEach(({ fileName, content }, i) => {
    // Spaced out: browsers drop (or ask about) several downloads started in the same instant.
    window.setTimeout(() => downloadText(fileName, `${JSON.stringify(content, null, 2)}\n`), i * 250);
  });
}
