// The EventStore contract: one suite every store runs (memoryEventStore.test.ts, lowdbEventStore.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { EventDraft, TimelineEvent } from '../../src/incidents/timelineEvent.js';
import { IdempotencyKeyTakenError, StaleAppendError } from '../../src/store/eventStore.js';
import type { EventStore, IdempotencyRecord } from '../../src/store/eventStore.js';
import { StoreClosedError } from '../../src/store/storeErrors.js';

export interface StoreClock {
  now: () => number;
  newId: () => string;
}

interface TestClock extends StoreClock {
  advance(ms: number): void;
}

export interface StoreHarness {
  /** A new, empty store using `clock`. */
  open(clock: StoreClock): Promise<EventStore>;
  /** Closes `store` and opens its data again (only stores that persist). */
  reopen?: (store: EventStore, clock: StoreClock) => Promise<EventStore>;
  /** Removes what `open` made. */
  cleanup?: () => Promise<void>;
}

const T0 = Date.UTC(2025, 2, 14, 9, 30, 0, 0);

function testClock(): TestClock {
  let time = T0;
  let id = 0;
  return {
    now: () => time,
    newId: () => `evt-${String(++id).padStart(5, '0')}`,
    advance: (ms) => {
      time += ms;
    },
  };
}

function note(text: string): EventDraft {
  return { type: 'note.added', actor: { kind: 'user', name: 'ana' }, data: { text } };
}

function record(scope: string, key: string, body: unknown = { ok: true }): IdempotencyRecord {
  return { scope, key, fingerprint: `fp-${key}`, response: { status: 201, body } };
}

function seqs(events: TimelineEvent[]): number[] {
  return events.map((e) => e.seq);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function eventStoreContract(name: string, harness: StoreHarness): void {
  describe(`${name}: the EventStore contract`, () => {
    const open: EventStore[] = [];
    let clock: TestClock;

    async function fresh(): Promise<EventStore> {
      clock = testClock();
      const store = await harness.open(clock);
      open.push(store);
      return store;
    }

    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
      await harness.cleanup?.();
    });

    it('numbers events from 1 per incident without gaps, and stamps id, time and envelope', async () => {
      const store = await fresh();
      const first = await store.append({ incidentId: 'inc-a', drafts: [note('one')] });
      clock.advance(1500);
      const more = await store.append({ incidentId: 'inc-a', drafts: [note('two'), note('three')] });
      const other = await store.append({ incidentId: 'inc-b', drafts: [note('b1')] });
      expect(first).toEqual([
        { incidentId: 'inc-a', seq: 1, id: 'evt-00001', at: '2025-03-14T09:30:00.000Z', type: 'note.added', actor: { kind: 'user', name: 'ana' }, data: { text: 'one' } },
      ]);
      expect(seqs(more)).toEqual([2, 3]);
      expect(more.map((e) => e.at)).toEqual(['2025-03-14T09:30:01.500Z', '2025-03-14T09:30:01.500Z']);
      expect(new Set(more.map((e) => e.id)).size).toBe(2);
      expect(seqs(other)).toEqual([1]);
      expect(await store.read('inc-a')).toEqual([...first, ...more]);
      expect(await store.read('inc-b')).toEqual(other);
    });

    it('reads the events after a seq', async () => {
      const store = await fresh();
      for (let i = 1; i <= 5; i++) await store.append({ incidentId: 'inc', drafts: [note(`n${i}`)] });
      expect(seqs(await store.read('inc', 0))).toEqual([1, 2, 3, 4, 5]);
      expect(seqs(await store.read('inc', 3))).toEqual([4, 5]);
      expect(await store.read('inc', 5)).toEqual([]);
      expect(await store.read('inc', 99)).toEqual([]);
      expect(await store.read('nobody')).toEqual([]);
      await expect(store.read('inc', -1)).rejects.toBeInstanceOf(RangeError);
      await expect(store.read('inc', 1.5)).rejects.toBeInstanceOf(RangeError);
    });

    it('gives parallel appends to one incident gapless seqs in call order, no duplicates, each append contiguous', async () => {
      const store = await fresh();
      const sizes = Array.from({ length: 120 }, (_, i) => 1 + (i % 3));
      const results = await Promise.all(sizes.map((n, i) => store.append({ incidentId: 'storm', drafts: range(1, n).map((k) => note(`w${i}.${k}`)) })));
      let next = 1;
      results.forEach((events, i) => {
        expect(seqs(events)).toEqual(range(next, next + (sizes[i] ?? 0) - 1));
        next += events.length;
      });
      const stored = await store.read('storm');
      const total = sizes.reduce((a, b) => a + b, 0);
      expect(seqs(stored)).toEqual(range(1, total));
      expect(new Set(stored.map((e) => e.id)).size).toBe(total);
      expect(new Set(stored.map((e) => (e.data as { text: string }).text)).size).toBe(total);
      expect(stored).toEqual(results.flat());
    });

    it('keeps incidents apart when many are appended to at once', async () => {
      const store = await fresh();
      const ids = ['i0', 'i1', 'i2', 'i3', 'i4'];
      await Promise.all(range(0, 99).map((n) => store.append({ incidentId: ids[n % 5] ?? 'i0', drafts: [note(`n${n}`)] })));
      for (const id of ids) {
        const events = await store.read(id);
        expect(seqs(events)).toEqual(range(1, 20));
        expect(events.every((e) => e.incidentId === id)).toBe(true);
      }
    });

    it('refuses an append whose expectedLastSeq is behind, and applies it when current', async () => {
      const store = await fresh();
      await store.append({ incidentId: 'inc', drafts: [note('a')], expectedLastSeq: 0 });
      await store.append({ incidentId: 'inc', drafts: [note('b')] });
      const refused = store.append({ incidentId: 'inc', drafts: [note('late')], expectedLastSeq: 1 });
      await expect(refused).rejects.toBeInstanceOf(StaleAppendError);
      await expect(refused).rejects.toMatchObject({ incidentId: 'inc', expectedLastSeq: 1, actualLastSeq: 2 });
      expect(seqs(await store.append({ incidentId: 'inc', drafts: [note('c')], expectedLastSeq: 2 }))).toEqual([3]);
      expect((await store.read('inc')).map((e) => (e.data as { text: string }).text)).toEqual(['a', 'b', 'c']);
    });

    it('lets exactly one of two racing appends based on the same seq through', async () => {
      const store = await fresh();
      await store.append({ incidentId: 'inc', drafts: [note('a')] });
      const outcomes = await Promise.allSettled([
        store.append({ incidentId: 'inc', drafts: [note('x')], expectedLastSeq: 1 }),
        store.append({ incidentId: 'inc', drafts: [note('y')], expectedLastSeq: 1 }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
      expect(outcomes[1].status === 'rejected' && outcomes[1].reason).toBeInstanceOf(StaleAppendError);
      expect(seqs(await store.read('inc'))).toEqual([1, 2]);
    });

    it('does not create an incident for a refused append', async () => {
      const store = await fresh();
      await expect(store.append({ incidentId: 'ghost', drafts: [note('x')], expectedLastSeq: 4 })).rejects.toMatchObject({ actualLastSeq: 0 });
      await expect(store.append({ incidentId: 'empty', drafts: [] })).rejects.toBeInstanceOf(RangeError);
      expect(await store.incidentIds()).toEqual([]);
      expect(await store.read('ghost')).toEqual([]);
    });

    it('stores an idempotency record with its events and finds it by scope and key', async () => {
      const store = await fresh();
      const rec = record('inc', 'key-1', { seq: 1, text: 'hello' });
      const events = await store.append({ incidentId: 'inc', drafts: [note('hello'), note('again')], idempotency: rec });
      expect(events.map((e) => e.key)).toEqual(['key-1', 'key-1']);
      expect(await store.idempotency('inc', 'key-1')).toEqual(rec);
      expect(await store.idempotency('inc', 'key-2')).toBeUndefined();
      expect(await store.idempotency('other', 'key-1')).toBeUndefined();
      const plain = await store.append({ incidentId: 'inc', drafts: [note('no key')] });
      expect(plain[0]).not.toHaveProperty('key');
    });

    it('refuses a second append with a key already used in its scope, and adds no event', async () => {
      const store = await fresh();
      await store.append({ incidentId: 'inc', drafts: [note('first')], idempotency: record('inc', 'k') });
      const again = store.append({ incidentId: 'inc', drafts: [note('retry')], idempotency: record('inc', 'k') });
      await expect(again).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
      await expect(again).rejects.toMatchObject({ scope: 'inc', key: 'k' });
      expect(seqs(await store.read('inc'))).toEqual([1]);
      // Another scope may use the same key.
      expect(seqs(await store.append({ incidentId: 'inc2', drafts: [note('x')], idempotency: record('inc2', 'k') }))).toEqual([1]);
    });

    it('lets one of two racing appends with one key through, and answers lookups made meanwhile once it is durable', async () => {
      const store = await fresh();
      const rec = record('incidents', 'open-1', { id: 'inc-1' });
      const first = store.append({ incidentId: 'inc-1', drafts: [note('opened')], idempotency: rec });
      const second = store.append({ incidentId: 'inc-2', drafts: [note('opened')], idempotency: record('incidents', 'open-1', { id: 'inc-2' }) });
      const lookup = store.idempotency('incidents', 'open-1');
      await expect(second).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
      expect(await lookup).toEqual(rec);
      expect(seqs(await first)).toEqual([1]);
      expect(await store.incidentIds()).toEqual(['inc-1']);
    });

    it('lists incidents in creation order, once each', async () => {
      const store = await fresh();
      for (const id of ['zeta', 'alpha', 'mid']) await store.append({ incidentId: id, drafts: [note('opened')] });
      await store.append({ incidentId: 'alpha', drafts: [note('later')] });
      expect(await store.incidentIds()).toEqual(['zeta', 'alpha', 'mid']);
    });

    it('returns frozen events, so a caller cannot change what others read', async () => {
      const store = await fresh();
      const [event] = await store.append({ incidentId: 'inc', drafts: [note('original')] });
      expect(Object.isFrozen(event)).toBe(true);
      expect(() => {
        (event?.data as { text: string }).text = 'changed';
      }).toThrow(TypeError);
      expect((await store.read('inc'))[0]?.data).toEqual({ text: 'original' });
    });

    it('stores data as JSON reads it back', async () => {
      const store = await fresh();
      const [event] = await store.append({ incidentId: 'inc', drafts: [{ type: 't', actor: { kind: 'system' }, data: { when: new Date(T0), nan: Number.NaN, gone: undefined } }] });
      expect(event?.data).toEqual({ when: '2025-03-14T09:30:00.000Z', nan: null });
      expect((await store.read('inc'))[0]?.data).toEqual(event?.data);
      await expect(store.append({ incidentId: 'inc', drafts: [{ type: 't', actor: { kind: 'system' }, data: undefined }] })).rejects.toBeInstanceOf(TypeError);
    });

    it('refuses everything once closed', async () => {
      const store = await fresh();
      await store.append({ incidentId: 'inc', drafts: [note('a')] });
      await store.close();
      await expect(store.append({ incidentId: 'inc', drafts: [note('b')] })).rejects.toBeInstanceOf(StoreClosedError);
      await expect(store.read('inc')).rejects.toBeInstanceOf(StoreClosedError);
      await expect(store.incidentIds()).rejects.toBeInstanceOf(StoreClosedError);
    });

    const reopen = harness.reopen;
    if (reopen) {
      it('has everything after a close and reopen: events, order, idempotency, and appends continue', async () => {
        let store = await fresh();
        await store.append({ incidentId: 'b-second', drafts: [note('x')] });
        await store.append({ incidentId: 'a-first', drafts: [note('y')] });
        await Promise.all(range(1, 30).map((i) => store.append({ incidentId: 'b-second', drafts: [note(`s${i}`)], ...(i % 10 === 0 ? { idempotency: record('b-second', `k${i}`, { i }) } : {}) })));
        const before = await store.read('b-second');
        store = await reopen(store, clock);
        open.push(store);
        expect(await store.incidentIds()).toEqual(['b-second', 'a-first']);
        expect(await store.read('b-second')).toEqual(before);
        expect(await store.read('b-second', 29)).toEqual(before.slice(29));
        expect(await store.idempotency('b-second', 'k20')).toEqual(record('b-second', 'k20', { i: 20 }));
        await expect(store.append({ incidentId: 'b-second', drafts: [note('dup')], idempotency: record('b-second', 'k10') })).rejects.toBeInstanceOf(IdempotencyKeyTakenError);
        await expect(store.append({ incidentId: 'b-second', drafts: [note('old')], expectedLastSeq: 30 })).rejects.toBeInstanceOf(StaleAppendError);
        expect(seqs(await store.append({ incidentId: 'b-second', drafts: [note('next')], expectedLastSeq: 31 }))).toEqual([32]);
        expect(seqs(await store.append({ incidentId: 'c-third', drafts: [note('new')] }))).toEqual([1]);
        expect(await store.incidentIds()).toEqual(['b-second', 'a-first', 'c-third']);
      });
    }
  });
}
