import { useEffect, useState } from 'preact/hooks';
import { apiRequest } from '../api/apiRequest.js';

export type Loaded<T> = { state: 'loading' } | { state: 'loaded'; value: T } | { state: 'failed'; error: unknown };

/** GETs `path` once per path (the runbooks do not change while the server runs) and follows its state. */
export function useApiGet<T>(path: string): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    setLoaded({ state: 'loading' });
    apiRequest<T>('GET', path, { signal: abort.signal })
      .then((value) => {
        setLoaded({ state: 'loaded', value });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ state: 'failed', error });
      });
    return () => {
      abort.abort();
    };
  }, [path]);
  return loaded;
}
