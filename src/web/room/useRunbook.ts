import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/apiError.js';
import { apiRequest } from '../api/apiRequest.js';
import type { Runbook } from '../api/apiTypes.js';

/** The runbook a room shows: the version its walk follows, and whether the catalog has a newer one. */
export interface WalkRunbook {
  runbook: Runbook;
  /** The pinned version's hash; null for a walk recorded before pinning, absent when not asked. */
  hash?: string | null;
  /** The catalog holds a newer version of this runbook than the walk follows. */
  newer?: boolean;
}

/** GET /api/incidents/:id/runbook: the version the incident's walk pinned. */
interface IncidentRunbookAnswer {
  runbook: Runbook;
  hash: string | null;
  newer?: boolean;
}

// Runbooks change only when the server loads new files, and a walk's version never: fetch each once.
const catalog = new Map<string, Promise<Runbook>>();
const walks = new Map<string, Promise<WalkRunbook>>();

function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let pending = cache.get(key);
  if (!pending) {
    pending = load();
    cache.set(key, pending);
    // A failure is not kept: the next render asks again.
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

/** A runbook by id as the catalog has it now (GET /api/runbooks/:id). */
export function fetchRunbook(id: string): Promise<Runbook> {
  return remember(catalog, id, () => apiRequest<{ runbook: Runbook }>('GET', `/api/runbooks/${encodeURIComponent(id)}`).then((answer) => answer.runbook));
}

/**
 * The runbook version an incident's walk follows (a walk keeps its version when the file is
 * edited). A server without that route, or a walk it cannot name, falls back to the catalog's.
 */
export function fetchWalkRunbook(incidentId: string, runbookId: string, startedSeq: number): Promise<WalkRunbook> {
  return remember(walks, `${incidentId}#${startedSeq}`, async () => {
    try {
      const answer = await apiRequest<IncidentRunbookAnswer>('GET', `/api/incidents/${encodeURIComponent(incidentId)}/runbook`);
      if (answer.runbook.id === runbookId) return { runbook: answer.runbook, hash: answer.hash, newer: answer.newer === true };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
    }
    return { runbook: await fetchRunbook(runbookId) };
  });
}

export interface RunbookWanted {
  incidentId: string;
  /** The walk's runbook and the seq of its walk.started, or the runbook named when opening. */
  walk?: { runbookId: string; startedSeq: number };
  runbookId?: string;
}

export function useRunbook(wanted: RunbookWanted): { runbook?: WalkRunbook; error?: unknown } {
  const { incidentId, walk, runbookId } = wanted;
  const key = walk ? `${incidentId}#${walk.startedSeq}:${walk.runbookId}` : runbookId ?? '';
  const [state, setState] = useState<{ key: string; runbook?: WalkRunbook; error?: unknown }>({ key: '' });
  useEffect(() => {
    if (key === '') return;
    let live = true;
    const load = walk ? fetchWalkRunbook(incidentId, walk.runbookId, walk.startedSeq) : fetchRunbook(runbookId ?? '').then((runbook) => ({ runbook }));
    load.then(
      (runbook) => {
        if (live) setState({ key, runbook });
      },
      (error: unknown) => {
        if (live) setState({ key, error });
      },
    );
    return () => {
      live = false;
    };
    // The key names everything the load depends on.
  }, [key]);
  // An answer for another walk or runbook is never shown for this one.
  if (key === '' || state.key !== key) return {};
  return { ...(state.runbook ? { runbook: state.runbook } : {}), ...(state.error !== undefined ? { error: state.error } : {}) };
}
