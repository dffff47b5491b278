import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flowIdSchema, loadFlowText, problem, serializeFlow, type FlowDocument, type Problem } from '@seam/flow';
import type { FlowResolver } from '@seam/runtime';
import { conflict, notFound } from './http-error.js';

/** A flow file as read from disk: its bytes' hash and, when readable, the parsed document with its problems. */
export interface StoredFlow {
  readonly id: string;
  readonly file: string;
  readonly etag: string;
  readonly text: string;
  readonly document?: FlowDocument;
  readonly problems: readonly Problem[];
}

const FLOW_FILE = /^([A-Za-z][A-Za-z0-9_-]*)\.json$/;

/** The hash of a file's bytes, used as its ETag. */
export function etagOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

/** `"abc"`, `W/"abc"` and `abc` all name the ETag abc. */
export function normalizeEtag(header: string): string {
  return header.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

/**
 * The flows folder is the source of truth: nothing is cached, every call reads the disk, so a file changed by git
 * or an editor is seen on the next request. Calls are synchronous on purpose: the check of an ETag and the write
 * that follows cannot interleave with another request's (flow files are small).
 */
export class FlowRepository {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true });
  }

  fileOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  /** Ids of the `<id>.json` files in the folder, sorted. Other files (temp files, data folders) are ignored. */
  ids(): string[] {
    return readdirSync(this.dir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => FLOW_FILE.exec(e.name)?.[1])
      .filter((id): id is string => id !== undefined && flowIdSchema.safeParse(id).success)
      .sort();
  }

  list(): StoredFlow[] {
    return this.ids().flatMap((id) => {
      const flow = this.read(id);
      return flow ? [flow] : [];
    });
  }

  read(id: string): StoredFlow | undefined {
    const file = this.fileOf(id);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if (isErrno(e, 'ENOENT')) return undefined;
      throw e;
    }
    const loaded = loadFlowText(text);
    const idProblem = loaded.document && loaded.document.id !== id
      ? [problem(['id'], 'invalid-document', `the file is named ${id}.json but its id is "${loaded.document.id}": rename the file or change the id`)]
      : [];
    return {
      id, file, text, etag: etagOf(text),
      ...(loaded.document ? { document: loaded.document } : {}),
      problems: [...idProblem, ...loaded.problems],
    };
  }

  get(id: string): StoredFlow {
    const flow = this.read(id);
    if (!flow) throw notFound(`no flow "${id}" in the flows folder`);
    return flow;
  }

  /** Writes a new flow; 409 when a file with its id exists. */
  create(doc: FlowDocument): StoredFlow {
    this.writeAtomic(doc.id, serializeFlow(doc), 'create');
    return this.get(doc.id);
  }

  /** Replaces a flow's file; with `ifMatch`, only if the file on disk still has that ETag. */
  update(id: string, doc: FlowDocument, ifMatch?: string): StoredFlow {
    const current = this.get(id);
    this.checkEtag(current, ifMatch);
    const text = serializeFlow(doc);
    if (text !== current.text) this.writeAtomic(id, text, 'replace');
    return this.get(id);
  }

  /** Gives a flow a new id (and file name), optionally a new name; the old file goes once the new one is written. */
  rename(id: string, newId: string, name?: string, ifMatch?: string): StoredFlow {
    const current = this.get(id);
    this.checkEtag(current, ifMatch);
    if (!current.document) throw conflict(`flow "${id}" cannot be read (${current.problems[0]?.message ?? 'invalid'}): fix the file before renaming it`);
    const doc: FlowDocument = { ...current.document, id: newId, ...(name !== undefined ? { name } : {}) };
    if (newId === id) {
      this.writeAtomic(id, serializeFlow(doc), 'replace');
    } else {
      this.writeAtomic(newId, serializeFlow(doc), 'create');
      unlinkSync(current.file);
    }
    return this.get(newId);
  }

  remove(id: string, ifMatch?: string): void {
    const current = this.get(id);
    this.checkEtag(current, ifMatch);
    unlinkSync(current.file);
  }

  /** What the runtime calls to find the current version of a flow (deploy on resume, replay). */
  readonly resolve: FlowResolver = (flowId) => {
    if (!flowIdSchema.safeParse(flowId).success) return undefined;
    const flow = this.read(flowId);
    if (!flow?.document || flow.document.id !== flowId) return undefined;
    return { document: flow.document, file: flow.file };
  };

  private checkEtag(current: StoredFlow, ifMatch: string | undefined): void {
    if (ifMatch === undefined || ifMatch.trim() === '*') return;
    const yours = normalizeEtag(ifMatch);
    if (yours !== current.etag) {
      throw conflict(`flow "${current.id}" changed since you loaded it (on disk or in another window): reload it and apply your change again`, {
        currentEtag: current.etag, yourEtag: yours,
      });
    }
  }

  /** Temp file + fsync + rename (or link, which refuses to overwrite): a reader never sees half a file. */
  private writeAtomic(id: string, text: string, mode: 'create' | 'replace'): void {
    const target = this.fileOf(id);
    const temp = join(this.dir, `.${id}.json.${randomUUID()}.tmp`);
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      if (mode === 'replace') renameSync(temp, target);
      else linkSync(temp, target);
    } catch (e) {
      unlinkSync(temp);
      if (isErrno(e, 'EEXIST')) throw conflict(`a flow with id "${id}" already exists: choose another id`);
      throw e;
    }
    if (mode === 'create') unlinkSync(temp);
  }
}

function isErrno(e: unknown, code: string): boolean {
  return e instanceof Error && (e as NodeJS.ErrnoException).code === code;
}
