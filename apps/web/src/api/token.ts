// The API token lives in localStorage once the user has logged in (or opened the server's one-time link).
const KEY = 'seam.token';

export function readToken(): string | undefined {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function writeToken(token: string | undefined): void {
  if (token) localStorage.setItem(KEY, token);
  else localStorage.removeItem(KEY);
}

/**
 * Takes a token handed over in the address (`?token=…` or `#token=…`, the server's one-time link), stores it and
 * removes it from the address bar so it does not end up in bookmarks or screenshots.
 */
export function takeTokenFromLocation(): string | undefined {
  const url = new URL(window.location.href);
  if (url.searchParams.has('login')) {
    // A login link the server did not accept (already used or expired) lands here: drop its code from the address.
    url.searchParams.delete('login');
    window.history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
  }
  const fromQuery = url.searchParams.get('token');
  const hashMatch = /(?:^#|[&?])token=([^&]+)/.exec(url.hash);
  const token = fromQuery ?? (hashMatch?.[1] ? decodeURIComponent(hashMatch[1]) : null);
  if (!token) return undefined;
  url.searchParams.delete('token');
  const hash = url.hash.replace(/([&?]|^#)token=[^&]+&?/, '$1').replace(/[&?]$/, '');
  window.history.replaceState(null, '', `${url.pathname}${url.search}${hash === '#' ? '' : hash}`);
  writeToken(token);
  return token;
}
