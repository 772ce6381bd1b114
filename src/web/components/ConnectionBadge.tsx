import type { ConnectionState } from '../live/liveConnection.js';

const LABEL: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  online: 'Live',
  reconnecting: 'Reconnecting…',
  signed_out: 'Signed out',
};

/** The live state of the page: people must know when what they see may be stale. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  return (
    <span class={`connection connection-${state}`} role="status" aria-live="polite" data-connection={state}>
      {LABEL[state]}
    </span>
  );
}
