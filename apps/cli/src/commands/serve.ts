import { resolve } from 'node:path';
import { EXIT, type CliIo, type Command } from '../command.js';

const VALUE_OPTIONS = ['--port', '--host', '--flows', '--data', '--web'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** `seam serve`: the server and the built designer on one port, until SIGTERM/SIGINT. */
export const serveCommand: Command = {
  name: 'serve',
  args: '[--port 4400] [--host 127.0.0.1] [--flows flows] [--data .seam] [--web apps/web/dist]',
  summary: 'Run the Seam server (API, webhooks, metrics, designer) until Ctrl-C; prints a one-time login link.',
  run: async (args, io) => serve(args, io),
};

async function serve(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseValueOptions(args);
  if (!parsed.ok) return usageError(io, parsed.message);
  const { values } = parsed;
  const portText = values['--port'] ?? process.env.SEAM_PORT ?? '4400';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(io, `--port must be a port number, not "${portText}"`);
  let server;
  try {
    // Loaded here, not at the top: the other commands should not pay for Express and SQLite.
    const { defaultWebDist, runServer } = await import('@seam/server');
    server = await runServer({
      port,
      host: values['--host'] ?? process.env.SEAM_HOST ?? '127.0.0.1',
      flowsDir: resolve(io.cwd, values['--flows'] ?? 'flows'),
      dataDir: resolve(io.cwd, values['--data'] ?? '.seam'),
      webDist: values['--web'] ? resolve(io.cwd, values['--web']) : defaultWebDist(),
      print: io.out,
    });
  } catch (error) {
    io.err(`seam serve: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.problems;
  }
  await server.closed;
  return EXIT.ok;
}

type Parsed = { readonly ok: true; readonly values: Partial<Record<ValueOption, string>> } | { readonly ok: false; readonly message: string };

/** `--port 4400` and `--port=4400` forms; serve takes no positional arguments. */
function parseValueOptions(args: readonly string[]): Parsed {
  const values: Partial<Record<ValueOption, string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      return { ok: false, message: `unknown argument "${arg}"; options here: ${VALUE_OPTIONS.join(', ')}` };
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === '') return { ok: false, message: `${name} needs a value` };
    values[name as ValueOption] = value;
  }
  return { ok: true, values };
}

function usageError(io: CliIo, message: string): number {
  io.err(`seam serve: ${message}`);
  io.err(`usage: seam serve ${serveCommand.args}`);
  return EXIT.usage;
}
