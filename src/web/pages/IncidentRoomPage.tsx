import { canAct, useApp } from '../app/appContext.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useIncidentRoom } from '../live/useIncidentRoom.js';

/** The incident room (being built): the timeline, live. */
export function IncidentRoomPage({ incidentId }: { incidentId: string }) {
  const { connection, user } = useApp();
  const { state } = useIncidentRoom(connection, incidentId, canAct(user, 'admin'));
  if (state.error) return <main class="page"><ErrorNotice error={state.error} /></main>;
  if (!state.incident) return <main class="page" aria-busy="true">Loading the incident…</main>;
  return (
    <main class="page">
      <h1>{state.incident.title}</h1>
      <ol class="timeline">
        {state.entries.map((entry) => <li key={entry.seq} data-seq={entry.seq}>{entry.seq} {entry.type}</li>)}
      </ol>
    </main>
  );
}
