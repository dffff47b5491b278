import { isAbsolute, relative } from 'node:path';
import { startServer, type RunningServer, type ServerOptions } from './start-server.js';

export interface RunServerOptions extends ServerOptions {
  /** Where the banner goes (default stdout). */
  readonly print?: (line: string) => void;
}

/**
 * Runs the server in the foreground, as `seam serve` and `npm start` do: prints where it is and a one-time login
 * link, and shuts down gracefully on SIGTERM/SIGINT (a second signal exits at once).
 */
export async function runServer(options: RunServerOptions): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const server = await startServer(options);
  print(`Seam is running at ${server.url}`);
  print(`Open ${server.loginUrl()} to sign in (one-time link; open nothing else).`);
  if (server.tokenCreated && server.tokenFile) {
    print(`API token (printed this once, kept in ${shortPath(server.tokenFile)}): ${server.token}`);
  } else if (server.tokenFile) {
    print(`API token: in ${shortPath(server.tokenFile)}`);
  } else {
    print('API token: the one you set (SEAM_TOKEN or --token)');
  }
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    print(`${signal}: stopping intake, finishing in-flight messages…`);
    server.close().then(
      () => { process.exitCode = 0; },
      (err: unknown) => { console.error(err); process.exitCode = 1; },
    ).finally(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return server;
}

/** Relative to the working directory when inside it, else absolute. */
function shortPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
