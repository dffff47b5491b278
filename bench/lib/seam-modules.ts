import { readFile } from 'node:fs/promises';
import { NotReady } from './figure.js';
import type { Runtime, RuntimeOptions } from '../../packages/runtime/src/runtime-api.js';

/*
 * Seam's packages are being built while the bench is; importing them through a computed specifier keeps the bench
 * type-checking and running (with "not measured" lines) before they land, instead of failing the whole run.
 */
async function importOptional(specifier: string): Promise<Record<string, unknown>> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ERR_MODULE_NOT_FOUND') throw new NotReady(`${specifier} is not there yet (its entry point or an import of it is missing)`);
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new NotReady(`${specifier} cannot be imported yet: ${message}`);
  }
}

export type CreateRuntime = (options: RuntimeOptions & Record<string, unknown>) => Runtime;

export async function loadCreateRuntime(): Promise<CreateRuntime> {
  const runtime = await importOptional('@seam/runtime');
  if (typeof runtime.createRuntime !== 'function') throw new NotReady('@seam/runtime does not export createRuntime yet');
  return runtime.createRuntime as CreateRuntime;
}

/**
 * The RuntimeOptions that turn the durable inbox off (benchmarking only), or undefined while the runtime has no
 * such switch. Kept in one place so that the bench follows the runtime's name for it.
 */
export async function durableInboxOff(): Promise<Record<string, unknown> | undefined> {
  const api = await readFile(new URL('../../packages/runtime/src/runtime-api.ts', import.meta.url), 'utf8').catch(() => '');
  return /readonly durableInbox\?: boolean/.test(api) ? { durableInbox: false } : undefined;
}

/** The part of @seam/server's startServer the webhook bench uses. */
export type StartServer = (options: {
  readonly port?: number;
  readonly host?: string;
  readonly flowsDir: string;
  readonly dataDir: string;
  readonly webDist?: string;
  readonly token?: string;
  readonly runtime?: { readonly secrets?: Readonly<Record<string, string>>; readonly concurrency?: number };
}) => Promise<{ readonly url: string; readonly token: string; close(): Promise<void> }>;

export async function loadStartServer(): Promise<StartServer> {
  const server = await importOptional('@seam/server');
  if (typeof server.startServer !== 'function') throw new NotReady('@seam/server does not export startServer yet');
  return server.startServer as StartServer;
}

/** @seam/jsonata-compiler's entry point: compiled when it can, the interpreter (with the reason) when not. */
export type CompileJsonata = (
  expression: string,
  options: { timeoutMs?: number; maxDepth?: number; engine?: 'compiled' | 'interpreter' },
) => { mode: 'compiled' | 'interpreted'; reason?: string; evaluate(input: unknown): unknown };

export async function loadCompileJsonata(): Promise<CompileJsonata> {
  const compiler = await importOptional('@seam/jsonata-compiler');
  if (typeof compiler.compileJsonata !== 'function') throw new NotReady('@seam/jsonata-compiler does not export compileJsonata yet');
  return compiler.compileJsonata as CompileJsonata;
}

/** Whether the runtime's jsonata node can run compiled JSONata: it must depend on the compiler package. */
export async function runtimeUsesJsonataCompiler(): Promise<boolean> {
  const manifest = await readFile(new URL('../../packages/runtime/package.json', import.meta.url), 'utf8').catch(() => '{}');
  const deps = (JSON.parse(manifest) as { dependencies?: Record<string, string> }).dependencies ?? {};
  return '@seam/jsonata-compiler' in deps;
}
