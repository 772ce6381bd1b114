import { describe, expect, it } from 'vitest';
import { QueryCache } from '../../../src/metrics/prometheus/queryCache.js';
import type { QueryOutcome } from '../../../src/metrics/prometheus/queryResult.js';

const success = (value: number, bytes = 10): QueryOutcome => ({ ok: true, data: { resultType: 'scalar', value }, bytes });
const failure: QueryOutcome = { ok: false, status: 'error', reason: 'down' };

function counter(outcome: QueryOutcome): { send: () => Promise<QueryOutcome>; calls: () => number } {
  let calls = 0;
  return {
    send: () => {
      calls++;
      return Promise.resolve(outcome);
    },
    calls: () => calls,
  };
}

describe('QueryCache', () => {
  it('keeps a success for ttlMs of the injected clock', async () => {
    let now = 0;
    const cache = new QueryCache({ ttlMs: 100, maxEntries: 10, maxBytes: 1e9, now: () => now });
    const q = counter(success(1));
    await cache.run('k', q.send);
    now = 99;
    expect(await cache.run('k', q.send)).toEqual(success(1));
    expect(q.calls()).toBe(1);
    now = 100;
    await cache.run('k', q.send);
    expect(q.calls()).toBe(2);
    expect(cache.stats).toEqual({ hits: 1, shared: 0, sent: 2 });
  });

  it('keeps no failure', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 10, maxBytes: 1e9, now: () => 0 });
    const q = counter(failure);
    await cache.run('k', q.send);
    await cache.run('k', q.send);
    expect(q.calls()).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('shares one request among callers while it is in flight, even with the TTL at 0', async () => {
    const cache = new QueryCache({ ttlMs: 0, maxEntries: 10, maxBytes: 1e9, now: () => 0 });
    let resolve: (o: QueryOutcome) => void = () => undefined;
    let calls = 0;
    const send = (): Promise<QueryOutcome> => {
      calls++;
      return new Promise((r) => {
        resolve = r;
      });
    };
    const all = Promise.all([cache.run('k', send), cache.run('k', send), cache.run('other', () => Promise.resolve(success(2)))]);
    resolve(success(1));
    expect(await all).toEqual([success(1), success(1), success(2)]);
    expect(calls).toBe(1);
    expect(cache.size).toBe(0);
    const again = cache.run('k', send);
    resolve(success(4));
    expect(await again).toEqual(success(4));
    expect(calls).toBe(2);
  });

  it('a request that rejects is not left in flight', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 10, maxBytes: 1e9, now: () => 0 });
    await expect(cache.run('k', () => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
    expect(await cache.run('k', () => Promise.resolve(success(3)))).toEqual(success(3));
  });

  it('holds at most maxEntries, dropping the least recently used', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 2, maxBytes: 1e9, now: () => 0 });
    const sends: Record<string, ReturnType<typeof counter>> = { a: counter(success(1)), b: counter(success(2)), c: counter(success(3)) };
    const run = (k: string): Promise<QueryOutcome> => cache.run(k, (sends[k] ?? counter(failure)).send);
    await run('a');
    await run('b');
    await run('a'); // a is now the most recent
    await run('c'); // evicts b
    expect(cache.size).toBe(2);
    await run('a');
    await run('b');
    expect([sends.a?.calls(), sends.b?.calls(), sends.c?.calls()]).toEqual([1, 2, 1]);
  });

  it('holds at most maxBytes of answers, and never keeps one larger than that', async () => {
    const cache = new QueryCache({ ttlMs: 1000, maxEntries: 100, maxBytes: 100, now: () => 0 });
    await cache.run('a', () => Promise.resolve(success(1, 40)));
    await cache.run('b', () => Promise.resolve(success(2, 40)));
    expect([cache.size, cache.bytes]).toEqual([2, 80]);
    await cache.run('c', () => Promise.resolve(success(3, 40))); // over budget: a goes
    expect([cache.size, cache.bytes]).toEqual([2, 80]);
    await cache.run('huge', () => Promise.resolve(success(4, 101)));
    expect([cache.size, cache.bytes]).toEqual([2, 80]);
    const q = counter(success(1, 40));
    await cache.run('a', q.send);
    expect(q.calls()).toBe(1);
  });

  it('an expired entry gives its bytes back', async () => {
    let now = 0;
    const cache = new QueryCache({ ttlMs: 10, maxEntries: 100, maxBytes: 100, now: () => now });
    await cache.run('a', () => Promise.resolve(success(1, 60)));
    now = 20;
    await cache.run('a', () => Promise.resolve(success(1, 70)));
    expect([cache.size, cache.bytes]).toEqual([1, 70]);
  });
});
