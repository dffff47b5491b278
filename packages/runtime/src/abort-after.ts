/**
 * A signal that aborts when `parent` does or after `ms` (with a TimeoutError reason). Built by hand rather than
 * with AbortSignal.any + AbortSignal.timeout: on Node 20 the timeout signal can be garbage-collected before it
 * fires when only AbortSignal.any refers to it, and a hanging request would then outlive its timeout.
 * Call `dispose` when done so the timer and listener go away.
 */
export function abortAfter(parent: AbortSignal, ms: number): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { signal: controller.signal, dispose: () => {} };
  }
  const onAbort = () => controller.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException(`timed out after ${ms} ms`, 'TimeoutError')), ms);
  return {
    signal: controller.signal,
    dispose: () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', onAbort);
    },
  };
}
