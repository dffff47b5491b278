import { watch, type FSWatcher } from 'node:fs';
import type { FlowRepository } from './flow-repository.js';

/** A flow file that appeared, changed or disappeared; `etag` is null once the file is gone. */
export interface FlowChange {
  readonly id: string;
  readonly etag: string | null;
}

/**
 * Notices flow files changed by anyone (git checkout, an editor, this server) and reports each once. fs.watch gives
 * the quick signal; a slow rescan catches what it misses (network drives, editors that swap files).
 */
export class FlowWatcher {
  private known = new Map<string, string>();
  private watcher: FSWatcher | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;

  constructor(
    private readonly repo: FlowRepository,
    private readonly onChange: (change: FlowChange) => void,
    private readonly options: { readonly debounceMs?: number; readonly pollMs?: number } = {},
  ) {}

  start(): void {
    this.known = this.scan();
    try {
      this.watcher = watch(this.repo.dir, () => this.schedule());
      this.watcher.on('error', () => this.watcher?.close());
    } catch {
      // No watch support here: the rescan alone still finds changes.
    }
    this.poll = setInterval(() => this.rescan(), this.options.pollMs ?? 3000);
    this.poll.unref();
  }

  /** Compares the folder with what was last seen and reports the differences. */
  rescan(): void {
    let now: Map<string, string>;
    try {
      now = this.scan();
    } catch {
      return; // the folder is mid-change (or gone); the next rescan will tell
    }
    for (const [id, etag] of now) if (this.known.get(id) !== etag) this.onChange({ id, etag });
    for (const id of this.known.keys()) if (!now.has(id)) this.onChange({ id, etag: null });
    this.known = now;
  }

  close(): void {
    this.watcher?.close();
    clearTimeout(this.debounce);
    clearInterval(this.poll);
  }

  private schedule(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.rescan(), this.options.debounceMs ?? 75);
    this.debounce.unref();
  }

  private scan(): Map<string, string> {
    return new Map(this.repo.list().map((f) => [f.id, f.etag]));
  }
}
