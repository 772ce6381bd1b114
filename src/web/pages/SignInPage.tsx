import { useState } from 'preact/hooks';
import { apiRequest } from '../api/apiRequest.js';
import type { SessionUser } from '../api/apiTypes.js';
import { ErrorNotice } from '../components/ErrorNotice.js';

/** Exchanges an API token for a session cookie: the page never keeps the token. */
export function SignInPage({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  return (
    <main class="signin">
      <h1>runpath</h1>
      <p class="muted">Sign in with your API token. <code>runpath serve</code> prints the first admin's token once;
        <code> runpath user add</code> makes more.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          setBusy(true);
          setError(undefined);
          apiRequest<{ user: SessionUser }>('POST', '/api/session', { body: { token: token.trim() } })
            .then((answer) => {
              setToken('');
              onSignedIn(answer.user);
            })
            .catch((err: unknown) => {
              setError(err);
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        <label for="token">API token</label>
        <input id="token" name="token" type="password" autoComplete="current-password" required value={token}
          onInput={(e) => { setToken(e.currentTarget.value); }} autoFocus spellcheck={false} />
        <button type="submit" class="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
      </form>
      <ErrorNotice error={error} />
    </main>
  );
}
