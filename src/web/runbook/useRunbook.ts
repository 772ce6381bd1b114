import { useEffect, useState } from 'preact/hooks';
import { apiRequest } from '../api/apiRequest.js';
import type { ApiProblem, Runbook } from '../api/apiTypes.js';
import type { Loaded } from './useApiGet.js';

/** GET /api/runbooks/:id. `problems` is absent from servers that do not report them. */
export interface RunbookAnswer {
  runbook: Runbook;
  file?: string;
  problems?: ApiProblem[];
}

// One request per runbook per page load: the catalog and the incident room share the answer, and the
// same Runbook object keeps the tree's memoized layout. A failure is forgotten so the next mount retries.
const answers = new Map<string, Promise<RunbookAnswer>>();

export function fetchRunbook(id: string): Promise<RunbookAnswer> {
  let answer = answers.get(id);
  if (!answer) {
    answer = apiRequest<RunbookAnswer>('GET', `/api/runbooks/${encodeURIComponent(id)}`);
    answers.set(id, answer);
    answer.catch(() => answers.delete(id));
  }
  return answer;
}

/** A runbook from the server, fetched once per page load (see fetchRunbook). */
export function useRunbook(id: string): Loaded<RunbookAnswer> {
  const [loaded, setLoaded] = useState<Loaded<RunbookAnswer>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    fetchRunbook(id)
      .then((value) => {
        if (live) setLoaded({ state: 'loaded', value });
      })
      .catch((error: unknown) => {
        if (live) setLoaded({ state: 'failed', error });
      });
    return () => {
      live = false;
    };
  }, [id]);
  return loaded;
}
