import { createReadStream } from 'node:fs';
import { FlowError, fileSource } from '@seam/flow';
import { DetailedFlowError } from '../failure.js';
import { insideRoot } from '../safe-path.js';
import { sourceRunner, type SourceContext } from '../nodes/node-runner.js';
import { readLines } from './line-reader.js';
import { readJsonArray } from './json-array-reader.js';
import { readCsv } from './csv-reader.js';

interface FileCursor {
  /** Records (lines, elements, rows) already admitted: a restarted run skips them. */
  readonly next: number;
}

const EXCERPT_CHARS = 256;

/** A rejected record is committed with the next batch (with the cursor past it); the file keeps flowing meanwhile. */
const settle = (stored: Promise<void>) => {
  stored.catch(() => {});
};

/**
 * Streams a JSON array, NDJSON or CSV file next to the flow file, one message per record. A record that cannot
 * be a message (bad JSON, too large) is dead-lettered with its line and the file keeps flowing. The number of
 * records admitted is stored with each message, so a run resumed after a crash continues where it stopped and
 * re-reads nothing it already stored; message ids derive from the run and the record's position.
 */
export const fileSourceRunner = sourceRunner(fileSource, (config, env) => {
  const path = insideRoot(env.flowDir, config.path, 'file source path');
  const limit = env.maxMessageBytes;
  const tooLarge = (bytes: number, where: string, head: string) =>
    new DetailedFlowError(`${where} is ${bytes} bytes, above the ${limit}-byte message limit`, 'validation', { bytes, limit, excerpt: head.slice(0, EXCERPT_CHARS) });

  return {
    finite: true,
    start: async (ctx) => {
      const skip = (ctx.cursor as FileCursor | undefined)?.next ?? 0;
      const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
      const stop = () => stream.destroy();
      ctx.signal.addEventListener('abort', stop, { once: true });
      try {
        if (config.format === 'ndjson') await ndjson(ctx, stream, skip);
        else if (config.format === 'json') await jsonArray(ctx, stream, skip);
        else await csv(ctx, stream, skip, config.csv?.delimiter ?? ',', config.csv?.header ?? true);
      } catch (e) {
        if (ctx.signal.aborted) return;
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
          const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a directory' : 'permission denied';
          throw new FlowError(`file source "${env.nodeId}" cannot read ${config.path} (${path}): ${why}`, { errorClass: 'config' });
        }
        throw e;
      } finally {
        ctx.signal.removeEventListener('abort', stop);
      }
    },
  };

  async function ndjson(ctx: SourceContext, stream: ReturnType<typeof createReadStream>, skip: number) {
    let n = 0;
    for await (const line of readLines(stream, limit)) {
      if (line.text !== undefined && line.text.trim() === '') continue;
      const position = n++;
      if (position < skip) continue;
      const opts = { id: `${line.lineNo}`, cursor: { next: position + 1 } satisfies FileCursor };
      if (line.text === undefined) {
        settle(ctx.reject(`${line.head}…`, tooLarge(line.bytes, `line ${line.lineNo}`, line.head), opts));
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line.text);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        settle(ctx.reject(line.text.slice(0, 64 * 1024), new DetailedFlowError(`line ${line.lineNo} is not valid JSON: ${why}`, 'validation', { line: line.lineNo }), opts));
        continue;
      }
      await ctx.emit(value, { ...opts, raw: line.text });
    }
  }

  async function jsonArray(ctx: SourceContext, stream: ReturnType<typeof createReadStream>, skip: number) {
    for await (const element of readJsonArray(stream, limit)) {
      if (element.index < skip) continue;
      const opts = { id: `${element.index}`, cursor: { next: element.index + 1 } satisfies FileCursor };
      if (element.text === undefined) {
        settle(ctx.reject(undefined, tooLarge(element.bytes, `element ${element.index}`, ''), opts));
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(element.text);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        settle(ctx.reject(element.text.slice(0, 64 * 1024), new DetailedFlowError(`element ${element.index} is not valid JSON: ${why}`, 'validation', { element: element.index }), opts));
        continue;
      }
      await ctx.emit(value, { ...opts, raw: element.text });
    }
  }

  async function csv(ctx: SourceContext, stream: ReturnType<typeof createReadStream>, skip: number, delimiter: string, header: boolean) {
    let names: string[] | undefined;
    let n = 0;
    for await (const record of readCsv(stream, delimiter, limit)) {
      if (header && names === undefined) {
        names = record.fields;
        continue;
      }
      const position = n++;
      if (position < skip) continue;
      const opts = { id: `${record.lineNo}`, cursor: { next: position + 1 } satisfies FileCursor };
      if (record.tooLarge !== undefined) {
        settle(ctx.reject(undefined, tooLarge(record.tooLarge, `the record on line ${record.lineNo}`, ''), opts));
        continue;
      }
      const value = names
        ? Object.fromEntries(names.map((name, i) => [name, record.fields[i] ?? null]))
        : record.fields;
      await ctx.emit(value, opts);
    }
  }
});
