import { useEffect, useState } from 'preact/hooks';
import type { IncidentSummary, PresentUser } from '../api/apiTypes.js';
import type { LiveConnection } from './liveConnection.js';

export interface LobbyState {
  /** Every incident's summary, by id; undefined until the first answer. */
  incidents?: Map<string, IncidentSummary>;
  presence: Map<string, PresentUser[]>;
  error?: string;
}

/** The incidents list, live: summaries and presence, refreshed on every reconnect. */
export function useLobby(connection: LiveConnection): LobbyState {
  const [state, setState] = useState<LobbyState>({ presence: new Map() });
  useEffect(() => {
    return connection.openLobby({
      watched: (ack) => {
        if (ack.status !== 200) {
          const body = ack.body as unknown as { error?: { message?: string } };
          setState((s) => ({ ...s, error: body.error?.message ?? `the server answered ${ack.status}` }));
          return;
        }
        setState({
          incidents: new Map(ack.body.incidents.map((i) => [i.id, i])),
          presence: new Map(Object.entries(ack.body.presence)),
        });
      },
      incident: (summary) => {
        setState((s) => {
          const incidents = new Map(s.incidents);
          const known = incidents.get(summary.id);
          // Summaries of one incident arrive in seq order; never let an older one win.
          if (!known || known.lastSeq <= summary.lastSeq) incidents.set(summary.id, summary);
          return { ...s, incidents };
        });
      },
      presence: (incidentId, users) => {
        setState((s) => {
          const presence = new Map(s.presence);
          if (users.length === 0) presence.delete(incidentId);
          else presence.set(incidentId, users);
          return { ...s, presence };
        });
      },
    });
  }, [connection]);
  return state;
}
