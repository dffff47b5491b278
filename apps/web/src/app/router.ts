import { useSyncExternalStore } from 'react';

/** The pages of the app, addressed by the location hash so the server needs no fallback routes. */
export type Route = { readonly page: 'flows' } | { readonly page: 'flow'; readonly id: string; readonly tab: 'design' | 'dead-letters' | 'runs' | 'monitoring' };

export function parseRoute(hash: string): Route {
  const match = /^#\/flows\/([^/?]+)(?:\/(dead-letters|runs|monitoring))?/.exec(hash);
  if (match?.[1]) return { page: 'flow', id: decodeURIComponent(match[1]), tab: (match[2] as 'dead-letters' | 'runs' | 'monitoring' | undefined) ?? 'design' };
  return { page: 'flows' };
}

export function routeHref(route: Route): string {
  if (route.page === 'flows') return '#/';
  return `#/flows/${encodeURIComponent(route.id)}${route.tab === 'design' ? '' : `/${route.tab}`}`;
}

/** Asked before leaving a page; returns false to stay (unsaved changes the user wants to keep). */
let leaveGuard: (() => boolean) | undefined;
let lastHash = typeof window === 'undefined' ? '' : window.location.hash;

export function setLeaveGuard(guard: (() => boolean) | undefined): void {
  leaveGuard = guard;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** Which editor a location shows (switching tabs of one flow keeps the editor; another flow or the list leaves it). */
function editorOf(hash: string): string {
  const route = parseRoute(hash);
  return route.page === 'flow' ? `flow:${route.id}` : route.page;
}

function subscribe(onChange: () => void): () => void {
  const handler = () => {
    // The back button cannot be cancelled, so restore the previous address when the user chose to stay.
    if (leaveGuard && editorOf(window.location.hash) !== editorOf(lastHash) && !leaveGuard()) {
      window.history.replaceState(null, '', lastHash || '#/');
      return;
    }
    lastHash = window.location.hash;
    onChange();
  };
  window.addEventListener('hashchange', handler);
  return () => window.removeEventListener('hashchange', handler);
}

/** The current route, re-rendering on navigation. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
