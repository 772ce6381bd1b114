import { useEffect, useState } from 'preact/hooks';
import { IncidentRoom, type RoomState } from './incidentRoom.js';
import type { LiveConnection } from './liveConnection.js';

/** Opens an incident's room for as long as the component lives, and re-renders on every change. */
export function useIncidentRoom(connection: LiveConnection, incidentId: string, showRedactedText: boolean): { room: IncidentRoom | undefined; state: RoomState } {
  const [room, setRoom] = useState<IncidentRoom>();
  const [state, setState] = useState<RoomState>({ entries: [], presence: [] });
  useEffect(() => {
    const opened = new IncidentRoom(incidentId, connection, showRedactedText);
    setRoom(opened);
    setState(opened.state);
    const unsubscribe = opened.subscribe(setState);
    return () => {
      unsubscribe();
      opened.close();
    };
  }, [connection, incidentId, showRedactedText]);
  return { room, state };
}
