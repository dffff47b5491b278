import { useState, type FormEvent } from 'react';
import { writeToken } from '../api/token';
import { BrandMark } from './brand-mark';

/** Asks for the access token the server printed at start-up (or that its one-time link carries). */
export function LoginScreen({ onLoggedIn, failed }: { onLoggedIn: () => void; failed?: boolean }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(failed ? 'That token was not accepted. Check the one printed by the server.' : undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch('/api/flows', { headers: { Authorization: `Bearer ${token.trim()}` } });
      if (response.status === 401 || response.status === 403) {
        setError('That token was not accepted. Check the one printed by the server.');
        return;
      }
      writeToken(token.trim());
      onLoggedIn();
    } catch {
      setError('The Seam server cannot be reached. Is `seam serve` running?');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)}>
        <h1><BrandMark /> Seam</h1>
        <p className="muted">
          Open the link printed by <code>seam serve</code> (it signs you in), or paste the access token it printed.
        </p>
        <label className="field">
          <span className="field-label">Access token</span>
          <input
            type="password"
            autoFocus
            autoComplete="current-password"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-label="Access token"
          />
        </label>
        {error && <p className="error-text" role="alert">{error}</p>}
        <button className="button primary" type="submit" disabled={busy || token.trim() === ''}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
