import { ApiError } from '../api/apiError.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useRoom } from './roomContext.js';

/**
 * What became of a command: nothing while idle; "sending" (and that it waits for the connection
 * when offline); a refusal in words. A stale step is said calmly: someone else moved first.
 */
export function CommandNotice({ busy, error }: { busy: boolean; error?: unknown }) {
  const { online } = useRoom();
  if (busy) {
    return (
      <p class="command-pending" role="status">
        {online ? 'Sending…' : 'Not connected: this will be sent when reconnected.'}
      </p>
    );
  }
  if (error instanceof ApiError && error.code === 'stale_node') {
    return (
      <p class="notice notice-calm" role="status">
        Someone else moved the walk first, so nothing was recorded from your click. The step shown is where the walk is now.
      </p>
    );
  }
  return <ErrorNotice error={error} />;
}
