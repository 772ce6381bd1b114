import type { ConnectionState } from '../live/liveConnection.js';

/** Shown while the live connection is down: what you see may be stale, and commands wait. */
export function ReconnectBanner({ state }: { state: ConnectionState }) {
  if (state === 'online') return null;
  return (
    <div class="reconnect-banner" role="status" data-connection={state}>
      <strong>{state === 'connecting' ? 'Connecting…' : state === 'signed_out' ? 'Signed out.' : 'Reconnecting…'}</strong>{' '}
      {state === 'signed_out'
        ? 'Sign in again to keep working.'
        : 'The timeline may be behind. What you send now will be sent when reconnected, once.'}
    </div>
  );
}
