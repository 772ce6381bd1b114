import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchWalkRunbook } from '../../src/web/room/useRunbook.js';

const pinned = { id: 'checkout-5xx', title: 'pinned version' };
const current = { id: 'checkout-5xx', title: 'current file' };

function answer(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function serve(routes: Record<string, () => Response>): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (path: string) => {
    asked.push(path);
    const route = routes[path];
    return Promise.resolve(route ? route() : answer(404, { error: { code: 'route_not_found', message: 'no route' } }));
  });
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchWalkRunbook', () => {
  it('takes the version the walk pinned, and says when the file is newer', async () => {
    serve({ '/api/incidents/a/runbook': () => answer(200, { runbook: pinned, hash: 'h1', latest: { hash: 'h2' }, newer: true }) });
    await expect(fetchWalkRunbook('a', 'checkout-5xx', 2)).resolves.toEqual({ runbook: pinned, hash: 'h1', newer: true });
  });

  it('falls back to the catalog when the server has no such route or no pinned walk', async () => {
    const asked = serve({ '/api/runbooks/checkout-5xx': () => answer(200, { runbook: current, file: 'x.yaml' }) });
    await expect(fetchWalkRunbook('b', 'checkout-5xx', 2)).resolves.toEqual({ runbook: current });
    expect(asked).toEqual(['/api/incidents/b/runbook', '/api/runbooks/checkout-5xx']);
  });

  it('asks once per walk; a new walk asks again', async () => {
    const asked = serve({ '/api/incidents/c/runbook': () => answer(200, { runbook: pinned, hash: 'h1', latest: null, newer: false }) });
    await fetchWalkRunbook('c', 'checkout-5xx', 2);
    await fetchWalkRunbook('c', 'checkout-5xx', 2);
    expect(asked).toHaveLength(1);
    await fetchWalkRunbook('c', 'checkout-5xx', 9);
    expect(asked).toHaveLength(2);
  });

  it('a failure is reported and not kept', async () => {
    serve({ '/api/incidents/d/runbook': () => answer(500, { error: { code: 'internal_error', message: 'boom' } }) });
    await expect(fetchWalkRunbook('d', 'checkout-5xx', 2)).rejects.toMatchObject({ code: 'internal_error' });
    serve({ '/api/incidents/d/runbook': () => answer(200, { runbook: pinned, hash: 'h1', latest: null, newer: false }) });
    await expect(fetchWalkRunbook('d', 'checkout-5xx', 2)).resolves.toMatchObject({ runbook: pinned });
  });
});
