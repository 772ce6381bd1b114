import { useEffect, useMemo, useState } from 'preact/hooks';
import { apiRequest, onSignedOut } from '../api/apiRequest.js';
import type { SessionUser } from '../api/apiTypes.js';
import { ConnectionBadge } from '../components/ConnectionBadge.js';
import { Link } from '../components/Link.js';
import { LiveConnection } from '../live/liveConnection.js';
import { useConnectionState } from '../live/useConnectionState.js';
import { IncidentRoomPage } from '../pages/IncidentRoomPage.js';
import { IncidentsPage } from '../pages/IncidentsPage.js';
import { NewIncidentPage } from '../pages/NewIncidentPage.js';
import { RunbookPage } from '../pages/RunbookPage.js';
import { RunbooksPage } from '../pages/RunbooksPage.js';
import { SignInPage } from '../pages/SignInPage.js';
import { AppContext, type AppContextValue } from './appContext.js';
import { pageSession } from './pageSession.js';
import { useRoute, type Route } from './router.js';

type Session = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; user: SessionUser };

/** The app: the session check, the sign-in page, then the signed-in shell and its pages. */
export function App() {
  // The page says who is signed in (a meta tag from the server); without it, ask the API.
  const [session, setSession] = useState<Session>(() => {
    const user = pageSession();
    if (user === undefined) return { state: 'checking' };
    return user === null ? { state: 'signed-out' } : { state: 'signed-in', user };
  });
  // One connection for the page's life. It starts at once, beside the session check: the cookie
  // authenticates it, so a room's catch-up does not wait for that round trip.
  const connection = useMemo(() => new LiveConnection(), []);
  useEffect(() => {
    connection.start();
  }, [connection]);
  useEffect(() => {
    if (session.state === 'checking') {
      apiRequest<{ user: SessionUser }>('GET', '/api/session')
        .then((answer) => {
          setSession({ state: 'signed-in', user: answer.user });
        })
        .catch(() => {
          setSession({ state: 'signed-out' });
        });
    }
    return onSignedOut(() => {
      setSession({ state: 'signed-out' });
    });
  }, []);

  if (session.state === 'checking') return <main class="loading" aria-busy="true">Loading…</main>;
  if (session.state === 'signed-out') {
    const signedIn = (user: SessionUser): void => {
      // Reconnect with the new cookie before the shell renders, so it never sees the old refusal.
      connection.start();
      setSession({ state: 'signed-in', user });
    };
    return <SignInPage onSignedIn={signedIn} />;
  }
  return <SignedIn user={session.user} connection={connection} onSignedOut={() => { setSession({ state: 'signed-out' }); }} />;
}

function SignedIn({ user, connection, onSignedOut: signedOut }: { user: SessionUser; connection: LiveConnection; onSignedOut: () => void }) {
  const state = useConnectionState(connection);
  const route = useRoute();
  useEffect(() => {
    if (state === 'signed_out') signedOut();
  }, [state, signedOut]);

  const context: AppContextValue = useMemo(() => ({
    user,
    connection,
    signOut: () => {
      connection.stop();
      void apiRequest('DELETE', '/api/session').finally(signedOut);
    },
  }), [user, connection, signedOut]);

  return (
    <AppContext.Provider value={context}>
      <header class="topbar">
        <Link href="/incidents" class="brand">runpath</Link>
        <nav aria-label="Main">
          <Link href="/incidents" aria-current={route.page === 'incidents' || route.page === 'incident' ? 'page' : undefined}>Incidents</Link>
          <Link href="/runbooks" aria-current={route.page === 'runbooks' || route.page === 'runbook' ? 'page' : undefined}>Runbooks</Link>
        </nav>
        <span class="spacer" />
        <ConnectionBadge state={state} />
        <span class="whoami" title={`signed in as ${user.name} (${user.role})`}>{user.name} <span class="role-tag">{user.role}</span></span>
        <button type="button" class="link-button" onClick={context.signOut}>Sign out</button>
      </header>
      <Page route={route} />
    </AppContext.Provider>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'incidents':
      return <IncidentsPage />;
    case 'new-incident':
      return <NewIncidentPage {...(route.runbook ? { runbook: route.runbook } : {})} />;
    case 'incident':
      return <IncidentRoomPage key={route.id} incidentId={route.id} />;
    case 'runbooks':
      return <RunbooksPage />;
    case 'runbook':
      return <RunbookPage key={route.id} runbookId={route.id} />;
    case 'not-found':
      return (
        <main class="page"><h1>Not found</h1><p>There is no page at {route.path}. <Link href="/incidents">Go to the incidents.</Link></p></main>
      );
  }
}
