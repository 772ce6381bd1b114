import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/incidents/timelineEvent.js';
import { EventCache } from '../../src/store/eventCache.js';

function events(incidentId: string, n: number, from = 1): TimelineEvent[] {
  return Array.from({ length: n }, (_, i) => ({ incidentId, seq: from + i, id: `${incidentId}${from + i}`, at: '', type: 't', actor: { kind: 'system' }, data: null }));
}

describe('EventCache', () => {
  it('drops the least recently used incidents to stay within its budget', () => {
    const cache = new EventCache(10);
    cache.put('a', events('a', 4));
    cache.put('b', events('b', 4));
    cache.get('a');
    cache.put('c', events('c', 4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.length).toBe(4);
    expect(cache.get('c')?.length).toBe(4);
    expect(cache.size).toBe(8);
  });

  it('grows cached incidents with appended events and leaves uncached ones alone', () => {
    const cache = new EventCache(10);
    cache.put('a', events('a', 2));
    cache.append('a', events('a', 3, 3));
    cache.append('b', events('b', 1));
    expect(cache.get('a')?.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.size).toBe(5);
  });

  it('never keeps an incident larger than the budget', () => {
    const cache = new EventCache(5);
    cache.put('big', events('big', 6));
    expect(cache.get('big')).toBeUndefined();
    cache.put('a', events('a', 5));
    cache.append('a', events('a', 1, 6));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(() => new EventCache(-1)).toThrow(RangeError);
  });
});
