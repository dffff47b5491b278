import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { resolve } from 'node:path';

/** Flow files are small documents; anything bigger is almost certainly the wrong file (a data dump, a binary). */
export const MAX_FLOW_FILE_BYTES = 10 * 1024 * 1024;

/** The text of a flow file, or the sentence saying why it cannot be one. */
export type ReadFlowFileResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** Reads a flow file as UTF-8 text, refusing what cannot be one: too big, binary, not a regular file. */
export function readFlowFile(file: string, cwd: string): ReadFlowFileResult {
  let fd: number;
  try {
    fd = openSync(resolve(cwd, file), 'r');
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, message: 'is a directory, not a flow file' };
    if (!stat.isFile()) return { ok: false, message: 'is not a regular file' };
    if (stat.size > MAX_FLOW_FILE_BYTES) {
      return { ok: false, message: `the file is ${megabytes(stat.size)}; a flow file may be at most ${megabytes(MAX_FLOW_FILE_BYTES)} — is this really a flow?` };
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buffer.subarray(0, read);
    if (bytes.includes(0)) return { ok: false, message: 'the file is binary, not JSON text' };
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      // Decoding leniently would turn "é" saved as Latin-1 into "\uFFFD", and `seam format` would then write that.
      const lenient = new TextDecoder('utf-8').decode(bytes);
      const at = lenient.indexOf('\uFFFD');
      const before = lenient.slice(0, at);
      const where = at < 0 ? '' : ` (line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')})`;
      return { ok: false, message: `the file is not UTF-8 text${where}: save it as UTF-8` };
    }
  } catch (error) {
    return { ok: false, message: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A sentence for a file-system error, without Node's stack or syscall noise. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory, not a flow file';
    case 'ENOTDIR': return 'a part of this path is not a directory';
    case 'ELOOP': return 'too many symbolic links (a link loop?)';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': return 'no space left on the device';
    default: return error instanceof Error ? error.message : String(error);
  }
}
