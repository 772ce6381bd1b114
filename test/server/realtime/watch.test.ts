// The incidents list over the socket: watch answers the list and who is looking where, then an
// `incident` summary after each stored batch of any incident, and `presence` for every incident.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as summaries from '../../../src/server/incidentSummary.js';
import type { IncidentSummary } from '../../../src/server/incidentSummary.js';
import type { ServiceResult } from '../../../src/server/serviceResult.js';
import { addNote, connect, eventually, gate, openIncident, startHarness, type Client, type Harness } from './realtimeHarness.js';

// Counted, not changed: the lobby must compute one summary per batch, however many sockets watch.
vi.mock('../../../src/server/incidentSummary.js', async (importOriginal) => {
  const actual = await importOriginal<typeof summaries>();
  return { ...actual, incidentSummary: vi.fn(actual.incidentSummary) };
});

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

interface WatchAnswer {
  status: number;
  body: { incidents: IncidentSummary[]; presence: Record<string, { name: string; connections: number }[]> };
}

/** A connected client that also records the `incident` summaries it receives. */
async function watcher(h: Harness, token: string): Promise<Client & { summaries: IncidentSummary[]; watch: () => Promise<WatchAnswer> }> {
  const client = await connect(h, token);
  const received: IncidentSummary[] = [];
  client.socket.on('incident', (update: { summary: IncidentSummary }) => received.push(update.summary));
  return Object.assign(client, { summaries: received, watch: async () => (await client.request('watch', {})) as WatchAnswer });
}

async function listed(h: Harness, role: 'viewer' | 'responder' | 'admin'): Promise<IncidentSummary[]> {
  return ((await h.service.list(role)).body as { incidents: IncidentSummary[] }).incidents;
}

describe('watch: the incidents list, live', () => {
  it('answers the list as GET /api/incidents gives it, and who is looking at which incident', async () => {
    const h = (harness = await startHarness());
    const first = await openIncident(h.service, 'first');
    const second = await openIncident(h.service, 'second');
    const bob = await connect(h, 'token-bob');
    await bob.join(first);
    const ana = await watcher(h, 'token-ana');
    const answer = await ana.watch();
    expect(answer.status).toBe(200);
    expect(answer.body.incidents).toEqual(await listed(h, 'responder'));
    expect(answer.body.incidents.map((s) => s.id)).toEqual([second, first]);
    expect(answer.body.presence).toEqual({ [first]: [{ name: 'bob', connections: 1 }] });
  });

  it('sends `incident` with the new summary after a note from another user, and on open', async () => {
    const h = (harness = await startHarness());
    const id = await openIncident(h.service);
    const ana = await watcher(h, 'token-ana');
    await ana.watch();
    await addNote(h.service, id, 'bob looked at the dashboards');
    await eventually(() => { expect(ana.summaries.map((s) => [s.id, s.lastSeq])).toEqual([[id, 2]]); });
    expect(ana.summaries[0]).toEqual((await listed(h, 'responder'))[0]);

    const other = await openIncident(h.service, 'another one');
    await eventually(() => { expect(ana.summaries.map((s) => s.id)).toEqual([id, other]); });
    expect(ana.summaries[1]).toMatchObject({ id: other, title: 'another one', lastSeq: 1, status: 'investigating' });
  });

  it('carries where the walk waits and since when', async () => {
    const h = (harness = await startHarness());
    const opened = await h.service.open({ kind: 'user', name: 'ana' }, 'responder', { title: 'db', severity: 'sev2', runbook: 'db-slow' });
    const id = (opened.body as { id: string }).id;
    const ana = await watcher(h, 'token-ana');
    const answer = await ana.watch();
    const before = answer.body.incidents[0]?.walk;
    expect(before).toMatchObject({ runbookId: 'db-slow', current: 'latency' });
    expect(Date.parse(before?.since ?? '')).not.toBeNaN();
    await sleep(5);
    const ran = await h.service.command(id, { kind: 'user', name: 'bob' }, 'responder', { type: 'run_check', node: 'latency' });
    const entered = (ran.body as { events: { type: string; at: string }[] }).events.find((e) => e.type === 'step.entered');
    await eventually(() => { expect(ana.summaries.at(-1)?.walk).toEqual({ runbookId: 'db-slow', runbookTitle: 'Database is slow', current: 'ask', since: entered?.at }); });
    expect(Date.parse(entered?.at ?? '')).toBeGreaterThan(Date.parse(before?.since ?? ''));
  });

  it('sends `presence` when someone joins or leaves any incident, once to a socket also in its room', async () => {
    const h = (harness = await startHarness());
    const id = await openIncident(h.service);
    const ana = await watcher(h, 'token-ana');
    await ana.watch();
    await ana.join(id);
    await eventually(() => { expect(ana.presence).toEqual([{ incidentId: id, users: [{ name: 'ana', connections: 1 }] }]); });
    const bob = await connect(h, 'token-bob');
    await bob.join(id);
    await eventually(() => { expect(ana.presence.at(-1)).toEqual({ incidentId: id, users: [{ name: 'ana', connections: 1 }, { name: 'bob', connections: 1 }] }); });
    bob.socket.disconnect();
    await eventually(() => { expect(ana.presence.at(-1)).toEqual({ incidentId: id, users: [{ name: 'ana', connections: 1 }] }); });
    await sleep(50);
    expect(ana.presence).toHaveLength(3);
  });

  it('unwatch stops the summaries and the presence of incidents it is not in', async () => {
    const h = (harness = await startHarness());
    const id = await openIncident(h.service);
    const ana = await watcher(h, 'token-ana');
    const cam = await watcher(h, 'token-cam');
    await ana.watch();
    await cam.watch();
    expect(await ana.request('unwatch', {})).toEqual({ status: 200, body: { left: true } });
    expect(await ana.request('unwatch', {})).toEqual({ status: 200, body: { left: false } });
    await addNote(h.service, id, 'after the unwatch');
    const bob = await connect(h, 'token-bob');
    await bob.join(id);
    await eventually(() => {
      expect(cam.summaries.map((s) => s.lastSeq)).toEqual([2]);
      expect(cam.presence).toHaveLength(1);
    });
    await sleep(50);
    expect(ana.summaries).toEqual([]);
    expect(ana.presence).toEqual([]);
  });

  it('a viewer gets the viewer\'s list and summaries, the same as GET /api/incidents gives a viewer', async () => {
    const h = (harness = await startHarness());
    const id = await openIncident(h.service);
    const vic = await watcher(h, 'token-vic');
    const answer = await vic.watch();
    expect(answer.body.incidents).toEqual(await listed(h, 'viewer'));
    await h.service.command(id, { kind: 'user', name: 'cam' }, 'commander', { type: 'status', to: 'mitigated' });
    await eventually(() => { expect(vic.summaries).toHaveLength(1); });
    expect(vic.summaries[0]).toEqual((await listed(h, 'viewer'))[0]);
    expect(vic.summaries[0]).toMatchObject({ status: 'mitigated', figures: { timeToMitigate: { seq: 2 } } });
  });

  it('computes one summary per stored batch however many sockets watch, and none when nobody does', async () => {
    const h = (harness = await startHarness());
    const id = await openIncident(h.service);
    const count = vi.mocked(summaries.incidentSummary);
    count.mockClear();
    await addNote(h.service, id, 'nobody watches');
    expect(count).not.toHaveBeenCalled();

    const watchers = await Promise.all(Array.from({ length: 20 }, () => watcher(h, 'token-ana')));
    await Promise.all(watchers.map((w) => w.watch()));
    count.mockClear();
    await addNote(h.service, id, 'twenty watch');
    await eventually(() => { for (const w of watchers) expect(w.summaries.map((s) => s.lastSeq)).toEqual([3]); });
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('loses nothing stored while the list is read: sent after the answer, unless the list held it', async () => {
    const slowList = gate();
    let holdList = false;
    const h = (harness = await startHarness({
      wrapService: (service) => ({
        command: service.command.bind(service),
        events: service.events.bind(service),
        subscribe: service.subscribe.bind(service),
        list: async (...args) => {
          if (holdList) await slowList.wait();
          return service.list(...args);
        },
      }),
    }));
    const id = await openIncident(h.service);
    const ana = await watcher(h, 'token-ana');
    const order: string[] = [];
    ana.socket.on('incident', (update: { summary: IncidentSummary }) => order.push(`incident@${update.summary.lastSeq}`));
    holdList = true;
    const watching = new Promise<WatchAnswer>((resolve) => {
      ana.socket.emit('watch', {}, (answer: WatchAnswer) => {
        order.push(`ack@${answer.body.incidents[0]?.lastSeq ?? 0}`);
        resolve(answer);
      });
    });
    await sleep(50);
    await addNote(h.service, id, 'during the read');
    await addNote(h.service, id, 'during the read, again');
    slowList.open();
    const answer = await watching;
    // This list was read after both notes: nothing more to send for them.
    expect(answer.body.incidents[0]?.lastSeq).toBe(3);
    await addNote(h.service, id, 'after');
    await eventually(() => { expect(order).toEqual(['ack@3', 'incident@4']); });
  });

  it('sends what the list missed right after the answer', async () => {
    const slowList = gate();
    let holdList = false;
    let listedAt: ServiceResult | undefined;
    const h = (harness = await startHarness({
      wrapService: (service) => ({
        command: service.command.bind(service),
        events: service.events.bind(service),
        subscribe: service.subscribe.bind(service),
        list: async (...args) => {
          // Read the list first, then stall: what is stored meanwhile is not in it.
          listedAt = await service.list(...args);
          if (holdList) await slowList.wait();
          return listedAt;
        },
      }),
    }));
    const id = await openIncident(h.service);
    const ana = await watcher(h, 'token-ana');
    const order: string[] = [];
    ana.socket.on('incident', (update: { summary: IncidentSummary }) => order.push(`incident@${update.summary.lastSeq}`));
    holdList = true;
    // A callback ack (not a promise) runs as its packet arrives, so `order` is the order on the wire.
    const watching = new Promise<void>((resolve) => {
      ana.socket.emit('watch', {}, (answer: WatchAnswer) => {
        order.push(`ack@${answer.body.incidents[0]?.lastSeq ?? 0}`);
        resolve();
      });
    });
    await eventually(() => { expect(listedAt).toBeDefined(); });
    await addNote(h.service, id, 'one');
    await addNote(h.service, id, 'two');
    slowList.open();
    await watching;
    await eventually(() => { expect(order).toEqual(['ack@1', 'incident@3']); });
  });

  it('refuses a malformed watch, a second watch while one reads, and answers a watch left before its list', async () => {
    const slowList = gate();
    const h = (harness = await startHarness({
      wrapService: (service) => ({
        command: service.command.bind(service),
        events: service.events.bind(service),
        subscribe: service.subscribe.bind(service),
        list: async (...args) => {
          await slowList.wait();
          return service.list(...args);
        },
      }),
    }));
    const ana = await watcher(h, 'token-ana');
    expect(await ana.request('watch', { all: true })).toMatchObject({ status: 400, body: { error: { code: 'invalid_message', message: 'watch has unknown field "all"; it takes an empty object {}' } } });
    expect(await ana.request('unwatch', 'now')).toMatchObject({ status: 400, body: { error: { code: 'invalid_message' } } });
    const first = ana.watch();
    await sleep(20);
    expect(await ana.request('watch', {})).toMatchObject({ status: 409, body: { error: { code: 'watch_in_progress' } } });
    expect(await ana.request('unwatch', {})).toEqual({ status: 200, body: { left: true } });
    slowList.open();
    expect(await first).toMatchObject({ status: 409, body: { error: { code: 'watch_cancelled' } } });
    expect((await ana.watch()).status).toBe(200);
  });
});
