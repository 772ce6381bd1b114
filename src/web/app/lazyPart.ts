import { useEffect, useState } from 'preact/hooks';

/** A part of the app loaded on its own chunk: loaded once, shared by every component that uses it. */
export interface LazyPart<T> {
  /** Starts (or joins) the load. */
  load: () => Promise<T>;
  /** The part once loaded; re-renders the component when it arrives. */
  use: () => T | undefined;
}

export function lazyPart<T>(importer: () => Promise<T>): LazyPart<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const load = (): Promise<T> => {
    loading ??= importer().then((part) => {
      loaded = part;
      return part;
    });
    return loading;
  };
  return {
    load,
    use: () => {
      // Wrapped: a function part would otherwise be taken for a state updater.
      const [part, setPart] = useState<{ value: T } | undefined>(() => (loaded === undefined ? undefined : { value: loaded }));
      useEffect(() => {
        if (part) return;
        let live = true;
        void load().then((value) => {
          if (live) setPart({ value });
        });
        return () => {
          live = false;
        };
      }, [part]);
      return part?.value;
    },
  };
}
