import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../src/metrics/prometheus/semaphore.js';

describe('Semaphore', () => {
  it('lets `limit` holders in and queues the rest in arrival order', async () => {
    const slots = new Semaphore(2);
    const order: string[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    const c = slots.acquire().then((release) => {
      order.push('c');
      return release;
    });
    const d = slots.acquire().then((release) => {
      order.push('d');
      return release;
    });
    expect([slots.inUse, slots.waiting]).toEqual([2, 2]);
    a?.();
    a?.(); // a second release of the same slot is ignored
    await c;
    expect(order).toEqual(['c']);
    expect([slots.inUse, slots.waiting]).toEqual([2, 1]);
    b?.();
    (await d)?.();
    (await c)?.();
    expect(order).toEqual(['c', 'd']);
    expect([slots.inUse, slots.waiting]).toEqual([0, 0]);
  });

  it('a waiter whose signal aborts leaves the queue with no slot', async () => {
    const slots = new Semaphore(1);
    const held = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBeUndefined();
    expect(slots.waiting).toBe(0);
    held?.();
    expect(slots.inUse).toBe(0);
    expect(await slots.acquire(controller.signal)).toBeUndefined();
  });

  it('refuses a limit below 1', () => {
    expect(() => new Semaphore(0)).toThrow('a semaphore needs a whole limit of at least 1, got 0');
  });
});
