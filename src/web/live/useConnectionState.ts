import { useEffect, useState } from 'preact/hooks';
import type { ConnectionState, LiveConnection } from './liveConnection.js';

export function useConnectionState(connection: LiveConnection): ConnectionState {
  const [state, setState] = useState(connection.state);
  useEffect(() => {
    setState(connection.state);
    return connection.onState(setState);
  }, [connection]);
  return state;
}
