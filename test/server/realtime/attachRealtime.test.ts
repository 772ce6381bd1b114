import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppendRequest, EventStore } from '../../../src/store/eventStore.js';
import { MemoryEventStore } from '../../../src/store/memoryEventStore.js';
import { StoreFailedError } from '../../../src/store/storeErrors.js';
import type { TimelineEvent } from '../../../src/incidents/timelineEvent.js';
import type { TimelineEvent as StoredEvent } from '../../../src/incidents/timelineEvent.js';
import { addNote, connect, connectSocket, eventually, gate, openIncident, range, startHarness, type Harness } from './realtimeHarness.js';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(store?: EventStore): Promise<Harness> {
  harness = await startHarness(store ? { store } : {});
  return harness;
}

/** A store whose appends wait at a gate the test opens, or fail while `failing` is set. */
class GatedStore extends MemoryEventStore {
  gate: Promise<void> | undefined;
  failing = false;
  readonly durable: number[] = [];

  override async append(request: AppendRequest): Promise<TimelineEvent[]> {
    if (this.gate) await this.gate;
    if (this.failing) throw new StoreFailedError('/memory', new Error('disk full'));
    const stored = await super.append(request);
    this.durable.push(...stored.map((e) => e.seq));
    return stored;
  }
}

describe('attachRealtime: join and catch-up', () => {
  it('answers a join with every event after afterSeq from the store, then streams live events', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    for (const text of ['one', 'two', 'three']) await addNote(h.service, id, text);
    const ana = await connect(h, 'token-ana');

    const all = await ana.join(id);
    expect(all.status).toBe(200);
    expect(all.body.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(all.body.events[1]).toMatchObject({ type: 'note.added', data: { text: 'one' }, starred: false });
    expect(all.body.lastSeq).toBe(4);

    const bob = await connect(h, 'token-bob');
    const after = await bob.join(id, 2);
    expect(after.body.events.map((e) => e.seq)).toEqual([3, 4]);

    await addNote(h.service, id, 'four');
    await eventually(() => {
      expect(ana.live(id)).toEqual([5]);
      expect(bob.live(id)).toEqual([5]);
    });
    expect(ana.batches[0]?.events[0]).toMatchObject({ seq: 5, incidentId: id, data: { text: 'four' } });
  });

  it('a first join asking for a tail gets the newest entries and the state they lead to; a short timeline comes whole', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    for (const text of ['one', 'two', 'three', 'four']) await addNote(h.service, id, text);
    await h.service.command(id, { kind: 'user', name: 'ana' }, 'commander', { type: 'status', to: 'identified' });
    const ana = await connect(h, 'token-ana');

    const tail = (await ana.request('join', { incidentId: id, afterSeq: 0, tail: 2 })) as { status: number; body: { events: { seq: number }[]; lastSeq: number; incident?: Record<string, unknown> } };
    expect(tail.status).toBe(200);
    expect(tail.body.events.map((e) => e.seq)).toEqual([5, 6]);
    expect(tail.body.lastSeq).toBe(6);
    expect(tail.body.incident).toMatchObject({ id, status: 'identified', lastSeq: 6, followUps: [], feedback: [] });
    expect(tail.body.incident).not.toHaveProperty('notes');
    // Live from there, as after any join.
    await addNote(h.service, id, 'five');
    await eventually(() => { expect(ana.live(id)).toEqual([7]); });

    const bob = await connect(h, 'token-bob');
    const whole = (await bob.request('join', { incidentId: id, afterSeq: 0, tail: 50 })) as { body: { events: { seq: number }[]; incident?: unknown } };
    expect(whole.body.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(whole.body.incident).toBeUndefined();
    const refused = await bob.request('join', { incidentId: id, afterSeq: 0, tail: 0 });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid_message' } } });
  });

  it('answers a join of an incident that does not exist with the service 404, and streams nothing', async () => {
    const h = await start();
    const ana = await connect(h, 'token-ana');
    const answer = await ana.request('join', { incidentId: 'nope', afterSeq: 0 });
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('a quiet room: joining with the last seq held gives no events and no error', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const ana = await connect(h, 'token-ana');
    const answer = await ana.join(id, 1);
    expect(answer).toMatchObject({ status: 200, body: { events: [], lastSeq: 1 } });
  });
});

describe('attachRealtime: live order', () => {
  it('delivers a concurrent storm from sockets and the service to every joined client once each, in seq order', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const clients = await Promise.all(['token-ana', 'token-bob', 'token-cam'].map((t) => connect(h, t)));
    for (const client of clients) await client.join(id, 1);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      const client = clients[i % clients.length];
      if (i % 2 === 0 && client) writes.push(client.request('command', { incidentId: id, command: { type: 'note', text: `socket ${i}` } }));
      else writes.push(addNote(h.service, id, `service ${i}`));
    }
    const answers = await Promise.all(writes);
    expect(answers.every((a) => (a as { status: number }).status === 201)).toBe(true);
    for (const client of clients) await eventually(() => { expect(client.live(id)).toEqual(range(2, 41)); });
  });

  it('gives a client joining in the middle of a storm every event exactly once: catch-up and live without gap or duplicate', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const watcher = await connect(h, 'token-adm');
    await watcher.join(id, 1);
    const storm = (async () => {
      for (let i = 0; i < 60; i++) {
        await Promise.all([addNote(h.service, id, `a${i}`), addNote(h.service, id, `b${i}`)]);
      }
    })();
    const joiners = [];
    for (let i = 0; i < 8; i++) {
      await sleep(i * 3);
      const client = await connect(h, i % 2 === 0 ? 'token-ana' : 'token-vic');
      const answer = await client.join(id, 0);
      joiners.push({ client, caughtUp: answer.body.events.map((e) => e.seq) });
    }
    await storm;
    await eventually(() => { expect(watcher.live(id)).toEqual(range(2, 121)); });
    for (const { client, caughtUp } of joiners) {
      await eventually(() => { expect([...caughtUp, ...client.live(id)]).toEqual(range(1, 121)); });
    }
  });
});

describe('attachRealtime: the seam between catch-up and live', () => {
  it('sends the events stored and published while the catch-up read was on its way, after the catch-up', async () => {
    const slowRead = gate();
    let holdReads = false;
    harness = await startHarness({
      wrapService: (service) => ({
        command: service.command.bind(service),
        subscribe: service.subscribe.bind(service),
        list: service.list.bind(service),
        events: async (...args) => {
          const answer = await service.events(...args);
          if (holdReads) await slowRead.wait();
          return answer;
        },
      }),
    });
    const h = harness;
    const id = await openIncident(h.service);
    const ana = await connect(h, 'token-ana');
    holdReads = true;
    const joined = ana.join(id, 0);
    await sleep(50);
    for (let i = 0; i < 3; i++) await addNote(h.service, id, `during the read ${i}`);
    slowRead.open();
    const answer = await joined;
    expect(answer.body.events.map((e) => e.seq)).toEqual([1]);
    await eventually(() => { expect(ana.live(id)).toEqual([2, 3, 4]); });
    await addNote(h.service, id, 'later');
    await eventually(() => { expect(ana.live(id)).toEqual([2, 3, 4, 5]); });
  });

  it('does not send again the events a catch-up read found durable before the service published them', async () => {
    const slowPublish = gate();
    let holdPublish = false;
    harness = await startHarness({
      wrapService: (service) => ({
        command: service.command.bind(service),
        events: service.events.bind(service),
        list: service.list.bind(service),
        subscribe: (listener) => service.subscribe((events: readonly StoredEvent[], incident) => {
          if (!holdPublish) {
            listener(events, incident);
            return;
          }
          void slowPublish.wait().then(() => { listener(events, incident); });
        }),
      }),
    });
    const h = harness;
    const id = await openIncident(h.service);
    const bob = await connect(h, 'token-bob');
    await bob.join(id, 1);
    holdPublish = true;
    await addNote(h.service, id, 'durable, not yet published');
    await addNote(h.service, id, 'this one too');
    const ana = await connect(h, 'token-ana');
    const answer = await ana.join(id, 0);
    expect(answer.body.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    holdPublish = false;
    slowPublish.open();
    await addNote(h.service, id, 'published at once');
    await eventually(() => { expect(bob.live(id)).toEqual([2, 3, 4]); });
    await eventually(() => { expect(ana.live(id)).toEqual([4]); });
    await sleep(50);
    expect(ana.live(id)).toEqual([4]);
  });
});

describe('attachRealtime: reconnect', () => {
  it('a client reconnecting with the last seq it holds gets exactly the events it missed, then live ones', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const first = await connect(h, 'token-ana');
    await first.join(id, 0);
    await addNote(h.service, id, 'seen');
    await eventually(() => { expect(first.live(id)).toEqual([2]); });
    first.socket.disconnect();
    for (let i = 0; i < 5; i++) await addNote(h.service, id, `missed ${i}`);

    const again = await connect(h, 'token-ana');
    const answer = await again.join(id, 2);
    expect(answer.body.events.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7]);
    await addNote(h.service, id, 'live');
    await eventually(() => { expect(again.live(id)).toEqual([8]); });
  });

  it('a client that notices a gap joins again with its last seq and gets what it lacks, without a second presence', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const ana = await connect(h, 'token-ana');
    await ana.join(id, 0);
    for (let i = 0; i < 3; i++) await addNote(h.service, id, `n${i}`);
    await eventually(() => { expect(ana.live(id)).toEqual([2, 3, 4]); });
    const again = await ana.join(id, 2);
    expect(again.body.events.map((e) => e.seq)).toEqual([3, 4]);
    expect(again.body.presence).toEqual([{ name: 'ana', connections: 1 }]);
    await addNote(h.service, id, 'after');
    await eventually(() => { expect(ana.live(id)).toEqual([2, 3, 4, 5]); });
  });
});

describe('attachRealtime: broadcast only after store', () => {
  it('sends nothing while the append is not durable, and the event right after it is', async () => {
    const store = new GatedStore();
    const h = await start(store);
    const id = await openIncident(h.service);
    const ana = await connect(h, 'token-ana');
    const bob = await connect(h, 'token-bob');
    await ana.join(id, 1);
    let open = (): void => undefined;
    store.gate = new Promise((resolve) => { open = resolve; });
    const ack = bob.request('command', { incidentId: id, command: { type: 'note', text: 'slow disk' } });
    await sleep(150);
    expect(ana.live(id)).toEqual([]);
    expect(store.durable).toEqual([1]);
    open();
    const answer = await ack;
    expect(answer.status).toBe(201);
    expect(store.durable).toEqual([1, 2]);
    await eventually(() => { expect(ana.live(id)).toEqual([2]); });
  });

  it('broadcasts nothing for a failed append, acks the failure, and the next stored event follows without a gap', async () => {
    const store = new GatedStore();
    const h = await start(store);
    const id = await openIncident(h.service);
    const ana = await connect(h, 'token-ana');
    await ana.join(id, 1);
    store.failing = true;
    const failed = await ana.request('command', { incidentId: id, command: { type: 'note', text: 'lost' } });
    expect(failed).toMatchObject({ status: 503, body: { error: { code: 'store_failed' } } });
    store.failing = false;
    const ok = await ana.request('command', { incidentId: id, command: { type: 'note', text: 'kept' } });
    expect(ok.status).toBe(201);
    await eventually(() => { expect(ana.live(id)).toEqual([2]); });
    expect(ana.batches.flatMap((b) => b.events.map((e) => e.data))).toEqual([{ text: 'kept' }]);
  });
});

describe('attachRealtime: commands over the socket', () => {
  it('acks a command with the stored events and the incident, and a repeated idempotency key with the same answer and no new event', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const ana = await connect(h, 'token-ana');
    const message = { incidentId: id, command: { type: 'note', text: 'db failover started' }, idempotencyKey: 'k-1' };
    const first = await ana.request('command', message);
    expect(first).toMatchObject({ status: 201, body: { events: [{ seq: 2, type: 'note.added', key: 'k-1', data: { text: 'db failover started' } }], incident: { id, lastSeq: 2 } } });
    const second = await ana.request('command', message);
    expect(second).toEqual(first);
    const reused = await ana.request('command', { ...message, command: { type: 'note', text: 'something else' } });
    expect(reused).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
    expect((await h.store.read(id)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('refuses a viewer command with 403 forbidden and appends nothing', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const vic = await connect(h, 'token-vic');
    const answer = await vic.request('command', { incidentId: id, command: { type: 'note', text: 'I only read' } });
    expect(answer).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await h.store.read(id)).length).toBe(1);
  });

  it('shows viewers a redacted entry without its text, live and at catch-up; admins see it', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const vic = await connect(h, 'token-vic');
    const adm = await connect(h, 'token-adm');
    await vic.join(id, 1);
    await adm.join(id, 1);
    const cam = await connect(h, 'token-cam');
    await cam.request('command', { incidentId: id, command: { type: 'note', text: 'password is hunter2' } });
    await cam.request('command', { incidentId: id, command: { type: 'redact', seq: 2, reason: 'secret' } });
    await eventually(() => { expect(vic.live(id)).toEqual([2, 3]); });
    await eventually(() => { expect(adm.live(id)).toEqual([2, 3]); });
    // Live, the note went out before its redaction; the redaction event tells clients to hide it.
    expect(vic.batches[1]?.events[0]).toMatchObject({ type: 'entry.redacted', data: { seq: 2 } });
    const late = await connect(h, 'token-vic');
    const caughtUp = await late.join(id, 0);
    expect(caughtUp.body.events[1]).toMatchObject({ seq: 2, redacted: { seq: 3, reason: 'secret' } });
    expect(JSON.stringify(caughtUp.body.events)).not.toContain('hunter2');
    const admin = await adm.join(id, 0);
    expect(admin.body.events[1]).toMatchObject({ seq: 2, data: { text: 'password is hunter2' }, redacted: { seq: 3 } });
  });
});

describe('attachRealtime: walk commands over the socket', () => {
  it('runs a walk step by step; of two clients answering the same question one wins, the other gets 409 stale_node with the current state', async () => {
    const h = await start();
    const opened = await h.service.open({ kind: 'user', name: 'ana' }, 'responder', { title: 'db slow', severity: 'sev2', runbook: 'db-slow' });
    const id = (opened.body as { id: string }).id;
    const ana = await connect(h, 'token-ana');
    const bob = await connect(h, 'token-bob');
    const caughtUp = (await ana.join(id, 0)).body.events.length;
    await bob.join(id, 0);
    const checked = await ana.request('command', { incidentId: id, command: { type: 'run_check', node: 'latency' } });
    expect(checked).toMatchObject({ status: 201, body: { incident: { walk: { state: { current: 'ask' } } } } });
    const answers = await Promise.all([
      ana.request('command', { incidentId: id, command: { type: 'answer', node: 'ask', label: 'Deploy' } }),
      bob.request('command', { incidentId: id, command: { type: 'answer', node: 'ask', label: 'Nothing' } }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refused = answers.find((a) => a.status === 409);
    expect(refused).toMatchObject({ body: { error: { code: 'stale_node', details: { current: expect.any(String) as string } } } });
    const stored = await h.store.read(id);
    expect(stored.filter((e) => e.type === 'question.answered')).toHaveLength(1);
    await eventually(() => {
      expect(ana.live(id)).toEqual(range(caughtUp + 1, stored.length));
      expect(bob.live(id)).toEqual(range(caughtUp + 1, stored.length));
    });
  });
});

describe('attachRealtime: presence', () => {
  it('tells the room who is looking, with connection counts, on join, leave and disconnect, and records none of it', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const ana = await connect(h, 'token-ana');
    const first = await ana.join(id, 1);
    expect(first.body.presence).toEqual([{ name: 'ana', connections: 1 }]);
    const ana2 = await connect(h, 'token-ana-2');
    await ana2.join(id, 1);
    const bob = await connect(h, 'token-bob');
    const bobs = await bob.join(id, 1);
    expect(bobs.body.presence).toEqual([{ name: 'ana', connections: 2 }, { name: 'bob', connections: 1 }]);
    await eventually(() => { expect(ana.presence.at(-1)).toEqual({ incidentId: id, users: [{ name: 'ana', connections: 2 }, { name: 'bob', connections: 1 }] }); });

    ana2.socket.disconnect();
    await eventually(() => { expect(bob.presence.at(-1)?.users).toEqual([{ name: 'ana', connections: 1 }, { name: 'bob', connections: 1 }]); });
    expect(await bob.request('leave', { incidentId: id })).toEqual({ status: 200, body: { incidentId: id, left: true } });
    await eventually(() => { expect(ana.presence.at(-1)?.users).toEqual([{ name: 'ana', connections: 1 }]); });
    // Bob left: no more presence or events for him.
    const bobUpdates = bob.presence.length;
    await addNote(h.service, id, 'after bob left');
    await eventually(() => { expect(ana.live(id)).toEqual([2]); });
    expect(bob.live(id)).toEqual([]);
    expect(bob.presence.length).toBe(bobUpdates);
    expect((await h.store.read(id)).map((e) => e.type)).toEqual(['incident.opened', 'note.added']);
  });
});

describe('attachRealtime: malformed messages', () => {
  it('answers wrong types, missing fields, extra arguments and unknown events with error acks, and keeps serving the socket', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const ana = await connect(h, 'token-ana');
    const invalid = { status: 400, body: { error: { code: 'invalid_message' } } };
    expect(await ana.request('join', 'inc')).toMatchObject(invalid);
    expect(await ana.request('join', { incidentId: 7 })).toMatchObject(invalid);
    expect(await ana.request('join', { incidentId: id, afterSeq: 'x' })).toMatchObject(invalid);
    expect(await ana.request('join', null)).toMatchObject(invalid);
    expect(await ana.request('join')).toMatchObject(invalid);
    expect(await ana.request('join', { incidentId: id }, 'extra')).toMatchObject(invalid);
    expect(await ana.request('leave', {})).toMatchObject(invalid);
    expect(await ana.request('command', { incidentId: id })).toMatchObject(invalid);
    expect(await ana.request('command', { incidentId: id, command: { type: 'note', text: 5 } })).toMatchObject({ status: 400 });
    expect(await ana.request('command', { incidentId: id, command: { type: 'dance' } })).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect(await ana.request('command', { incidentId: 'nope', command: { type: 'note', text: 'hi' } })).toMatchObject({ status: 404 });
    expect(await ana.request('teleport', {})).toMatchObject({ status: 400, body: { error: { code: 'unknown_event' } } });
    ana.socket.emit('join', { incidentId: id });
    await eventually(() => { expect(ana.rejected).toMatchObject([{ event: 'join', status: 400, body: { error: { code: 'invalid_message' } } }]); });

    expect((await ana.join(id, 0)).body.events.map((e) => e.seq)).toEqual([1]);
    expect(ana.socket.connected).toBe(true);
  });

  it('closes a connection that sends more than maxHttpBufferSize, and the server keeps serving others and the same user', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const bob = await connect(h, 'token-bob');
    await bob.join(id, 1);
    const ana = await connect(h, 'token-ana');
    const closed = new Promise<string>((resolve) => ana.socket.once('disconnect', resolve));
    ana.socket.emit('command', { incidentId: id, command: { type: 'note', text: 'x'.repeat(200_000) } }, () => undefined);
    expect(await closed).toBe('transport close');

    expect(await bob.request('command', { incidentId: id, command: { type: 'note', text: 'still here' } })).toMatchObject({ status: 201 });
    await eventually(() => { expect(bob.live(id)).toEqual([2]); });
    const again = await connect(h, 'token-ana');
    expect((await again.join(id, 0)).status).toBe(200);
  });

  it('closes a connection that sends a frame that is not socket.io, and keeps serving the others', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const bob = await connect(h, 'token-bob');
    const ana = await connect(h, 'token-ana');
    const closed = new Promise<string>((resolve) => ana.socket.once('disconnect', resolve));
    ana.socket.io.engine.write('4{not a packet');
    expect(await closed).toBe('transport close');
    expect((await bob.join(id, 0)).status).toBe(200);
  });

  it('refuses binary and deeply nested payloads with error acks', async () => {
    const h = await start();
    const id = await openIncident(h.service);
    const ana = await connect(h, 'token-ana');
    expect(await ana.request('join', Buffer.from('{"incidentId":"x"}'))).toMatchObject({ status: 400, body: { error: { code: 'invalid_message' } } });
    // Written as a raw packet (the client library cannot even encode it): an event with ack id 99.
    const deep = `${'['.repeat(10_000)}"x"${']'.repeat(10_000)}`;
    const acked = new Promise<string>((resolve) => {
      ana.socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
        if (packet.type === 'message' && typeof packet.data === 'string' && packet.data.startsWith('399')) resolve(packet.data);
      });
    });
    ana.socket.io.engine.write(`299["command",{"incidentId":"${id}","command":{"type":"note","text":${deep}}}]`);
    const answer = JSON.parse((await acked).slice(3)) as [{ status: number }];
    expect(answer[0].status).toBe(400);
    // A "__proto__" key in the JSON is a field like any other, and an unknown one.
    const withProto = JSON.parse(`{"incidentId":"${id}","command":{"type":"note","text":"hi"},"__proto__":{"idempotencyKey":"k"}}`) as unknown;
    expect(await ana.request('command', withProto)).toMatchObject({ status: 400, body: { error: { code: 'invalid_message' } } });
    expect(ana.socket.connected).toBe(true);
  });

  it('refuses too many incidents on one connection', async () => {
    harness = await startHarness({ realtime: { maxIncidentsPerSocket: 2 } });
    const h = harness;
    const ids = [await openIncident(h.service), await openIncident(h.service), await openIncident(h.service)];
    const ana = await connect(h, 'token-ana');
    await ana.join(ids[0] ?? '', 0);
    await ana.join(ids[1] ?? '', 0);
    expect(await ana.request('join', { incidentId: ids[2], afterSeq: 0 })).toMatchObject({ status: 429, body: { error: { code: 'too_many_incidents' } } });
    await ana.request('leave', { incidentId: ids[0] });
    expect((await ana.join(ids[2] ?? '', 0)).status).toBe(200);
  });
});

describe('attachRealtime: metrics', () => {
  it('counts connected sockets up and down', async () => {
    let connected = 0;
    harness = await startHarness({ realtime: { metrics: { connectedSockets: { inc: () => { connected++; }, dec: () => { connected--; } } } } });
    const h = harness;
    const ana = await connect(h, 'token-ana');
    await connect(h, 'token-bob');
    expect(connected).toBe(2);
    ana.socket.disconnect();
    await eventually(() => { expect(connected).toBe(1); });
  });
});

describe('attachRealtime: authentication', () => {
  it.each([
    ['no credentials', undefined],
    ['an unknown token', { token: 'token-mallory' }],
    ['a token of the wrong type', { token: 42 }],
  ])('refuses a connection with %s: connect_error "unauthorized"', async (_, auth) => {
    const h = await start();
    const socket = connectSocket(h, auth);
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(error.message).toBe('unauthorized');
    expect(socket.connected).toBe(false);
  });

  it('passes the Cookie header of the handshake to authenticate (a browser session)', async () => {
    harness = await startHarness({
      realtime: { authenticate: ({ cookieHeader }) => (cookieHeader?.includes('runpath_session=s-1') === true ? { name: 'web', role: 'viewer' } : undefined) },
    });
    const h = harness;
    const id = await openIncident(h.service);
    const socket = connectSocket(h, undefined, { extraHeaders: { cookie: 'theme=dark; runpath_session=s-1' } });
    await new Promise<void>((resolve, reject) => { socket.once('connect', () => { resolve(); }); socket.once('connect_error', reject); });
    const answer = (await socket.timeout(5000).emitWithAck('join', { incidentId: id, afterSeq: 0 })) as { status: number };
    expect(answer.status).toBe(200);
  });
});
