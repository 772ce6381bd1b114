import { useEffect, useState } from 'preact/hooks';
import { apiRequest } from '../api/apiRequest.js';
import type { Runbook } from '../api/apiTypes.js';

// Runbooks change only when the server restarts with new files: fetch each once per page load.
const cache = new Map<string, Promise<Runbook>>();

/** A runbook by id (GET /api/runbooks/:id), shared by every caller; a failure is not cached. */
export function fetchRunbook(id: string): Promise<Runbook> {
  let pending = cache.get(id);
  if (!pending) {
    pending = apiRequest<{ runbook: Runbook }>('GET', `/api/runbooks/${encodeURIComponent(id)}`).then((answer) => answer.runbook);
    cache.set(id, pending);
    pending.catch(() => cache.delete(id));
  }
  return pending;
}

export function useRunbook(id: string | undefined): { runbook?: Runbook; error?: unknown } {
  const [state, setState] = useState<{ id?: string; runbook?: Runbook; error?: unknown }>({});
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    fetchRunbook(id).then(
      (runbook) => {
        if (live) setState({ id, runbook });
      },
      (error: unknown) => {
        if (live) setState({ id, error });
      },
    );
    return () => {
      live = false;
    };
  }, [id]);
  // A stale answer for the previous id is never shown for the new one.
  if (id === undefined || state.id !== id) return {};
  return { ...(state.runbook ? { runbook: state.runbook } : {}), ...(state.error !== undefined ? { error: state.error } : {}) };
}
