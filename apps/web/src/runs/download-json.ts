/** Downloads JSON documents, one file each, pretty-printed like `seam test --pact` writes them. */
export function downloadJsonFiles(files: readonly { readonly fileName: string; readonly content: unknown }[]): void {
  files.forEach(({ fileName, content }, i) => {
    // Spaced out: browsers drop (or ask about) several downloads started in the same instant.
    window.setTimeout(() => {
      const blob = new Blob([`${JSON.stringify(content, null, 2)}\n`], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = window.document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    }, i * 250);
  });
}
