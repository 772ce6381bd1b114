import { useEffect, useState } from 'preact/hooks';

/** The pages of the app, by path. */
export type Route =
  | { page: 'incidents' }
  | { page: 'new-incident'; runbook?: string }
  | { page: 'incident'; id: string }
  | { page: 'runbooks' }
  | { page: 'runbook'; id: string }
  | { page: 'not-found'; path: string };

export function parseRoute(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const [first, second, third] = parts;
  if (parts.length === 0 || (first === 'incidents' && parts.length === 1)) return { page: 'incidents' };
  if (first === 'incidents' && second === 'new' && parts.length === 2) {
    const runbook = new URLSearchParams(search).get('runbook');
    return runbook ? { page: 'new-incident', runbook } : { page: 'new-incident' };
  }
  if (first === 'incidents' && second !== undefined && third === undefined) return { page: 'incident', id: second };
  if (first === 'runbooks' && parts.length === 1) return { page: 'runbooks' };
  if (first === 'runbooks' && second !== undefined && third === undefined) return { page: 'runbook', id: second };
  return { page: 'not-found', path: pathname };
}

export function routePath(route: Route): string {
  switch (route.page) {
    case 'incidents':
      return '/incidents';
    case 'new-incident':
      return route.runbook ? `/incidents/new?runbook=${encodeURIComponent(route.runbook)}` : '/incidents/new';
    case 'incident':
      return `/incidents/${encodeURIComponent(route.id)}`;
    case 'runbooks':
      return '/runbooks';
    case 'runbook':
      return `/runbooks/${encodeURIComponent(route.id)}`;
    case 'not-found':
      return route.path;
  }
}

const listeners = new Set<() => void>();

/** Goes to a page without reloading (history.pushState). */
export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function useRoute(): Route {
  const read = (): Route => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = (): void => {
      setRoute(read());
    };
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
