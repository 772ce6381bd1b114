import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/incidents/incident.js';
import type { Actor, TimelineEvent } from '../../src/incidents/timelineEvent.js';
import type { TimelineEntry } from '../../src/incidents/timelineView.js';
import { createSources } from '../../src/metrics/createSources.js';
import { createIncidentService, type IncidentService, type IncidentServiceOptions } from '../../src/server/incidentService.js';
import type { AppendRequest, EventStore } from '../../src/store/eventStore.js';
import { LowdbEventStore } from '../../src/store/lowdbEventStore.js';
import { MemoryEventStore } from '../../src/store/memoryEventStore.js';
import { dbSlow, dbSlowScenario } from '../fixtures/server/runbooks.js';

const alice: Actor = { kind: 'user', name: 'alice' };
const bob: Actor = { kind: 'user', name: 'bob' };
const NOW = Date.parse('2024-05-01T12:00:00Z');

function service(store: EventStore, extra: Partial<IncidentServiceOptions> = {}): IncidentService {
  let n = 0;
  return createIncidentService({
    store,
    runbooks: new Map([[dbSlow.id, dbSlow]]),
    sources: (runbook) => createSources(runbook, { overrides: {}, env: {}, fixture: dbSlowScenario }),
    now: () => NOW,
    newId: () => `inc-${++n}`,
    ...extra,
  });
}

interface CommandBody {
  events: TimelineEntry[];
  incident: Incident;
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const asIncident = (body: unknown): Incident => body as Incident;
const asCommand = (body: unknown): CommandBody => body as CommandBody;
const asError = (body: unknown): ErrorBody['error'] => (body as ErrorBody).error;

async function openWalk(s: IncidentService): Promise<Incident> {
  const opened = await s.open(alice, 'responder', { title: 'DB slow', severity: 'sev2', runbook: 'db-slow' });
  expect(opened.status).toBe(201);
  return asIncident(opened.body);
}

describe('createIncidentService', () => {
  it('opens an incident: 201 with its id and state, events published after the append', async () => {
    const store = new MemoryEventStore();
    const s = service(store);
    const published: TimelineEvent[][] = [];
    s.subscribe((events) => {
      published.push([...events]);
    });
    const result = await s.open(alice, 'responder', { title: 'Checkout down', severity: 'sev1', summary: 'all 5xx' });
    expect(result.status).toBe(201);
    const incident = asIncident(result.body);
    expect(incident).toMatchObject({ id: 'inc-1', title: 'Checkout down', severity: 'sev1', status: 'investigating', lastSeq: 1 });
    expect(published).toHaveLength(1);
    expect(published[0]?.map((e) => [e.seq, e.type])).toEqual([[1, 'incident.opened']]);
    // Published events are the stored ones.
    expect(await store.read('inc-1')).toEqual(published[0]);
  });

  it('opens with a runbook: the walk starts and waits at the first check', async () => {
    const incident = await openWalk(service(new MemoryEventStore()));
    expect(incident.walk?.state.current).toBe('latency');
    expect(incident.runbook).toEqual({ id: 'db-slow', title: 'Database is slow' });
  });

  it('refuses bad open bodies with 400 invalid_request naming the field', async () => {
    const s = service(new MemoryEventStore());
    const extra = await s.open(alice, 'responder', { title: 'x', severity: 'sev1', colour: 'red' });
    expect(extra.status).toBe(400);
    expect(asError(extra.body).code).toBe('invalid_request');
    expect(asError(extra.body).message).toContain('"colour"');
    const wrongType = await s.open(alice, 'responder', { title: 5, severity: 'sev9' });
    expect(wrongType.status).toBe(400);
    expect(asError(wrongType.body).message).toMatch(/title must be string/);
    expect(asError(wrongType.body).message).toMatch(/severity must be one of "sev1"/);
    expect((await s.open(alice, 'responder', undefined)).status).toBe(400);
    const unknownRunbook = await s.open(alice, 'responder', { title: 'x', severity: 'sev1', runbook: 'nope' });
    expect(unknownRunbook.status).toBe(422);
    expect(asError(unknownRunbook.body).code).toBe('unknown_runbook');
  });

  it('authorizes by access role: viewers read, responders write, commanders change status', async () => {
    const s = service(new MemoryEventStore());
    const denied = await s.open(bob, 'viewer', { title: 'x', severity: 'sev1' });
    expect(denied.status).toBe(403);
    expect(asError(denied.body).code).toBe('forbidden');
    const { id } = asIncident((await s.open(alice, 'responder', { title: 'x', severity: 'sev1' })).body);
    expect((await s.get(id, 'viewer')).status).toBe(200);
    expect((await s.command(id, bob, 'viewer', { type: 'note', text: 'hi' })).status).toBe(403);
    expect((await s.command(id, alice, 'responder', { type: 'status', to: 'mitigated' })).status).toBe(403);
    expect((await s.command(id, alice, 'commander', { type: 'status', to: 'mitigated' })).status).toBe(201);
  });

  it('runs timeline commands: 201 with the stored events and the new state', async () => {
    const s = service(new MemoryEventStore());
    const { id } = asIncident((await s.open(alice, 'responder', { title: 'x', severity: 'sev2' })).body);
    const note = await s.command(id, alice, 'responder', { type: 'note', text: 'looking at dashboards' });
    expect(note.status).toBe(201);
    const body = asCommand(note.body);
    expect(body.events.map((e) => [e.seq, e.type, e.data])).toEqual([[2, 'note.added', { text: 'looking at dashboards' }]]);
    expect(body.incident).toMatchObject({ id, lastSeq: 2 });
    // Answers do not grow with the timeline: the notes are in the events, and in GET.
    expect(body.incident).not.toHaveProperty('notes');
    expect(body.incident).not.toHaveProperty('redactable');
    expect(((await s.get(id, 'viewer')).body as Incident).notes.map((n) => n.text)).toEqual(['looking at dashboards']);
    const star = await s.command(id, bob, 'responder', { type: 'star', seq: 2 });
    expect(asCommand(star.body).incident.starred).toEqual([2]);
    const role = await s.command(id, alice, 'commander', { type: 'role', role: 'commander', user: 'alice' });
    expect(asCommand(role.body).incident.roles).toEqual({ commander: 'alice' });
    const severity = await s.command(id, alice, 'commander', { type: 'severity', to: 'sev1' });
    expect(asCommand(severity.body).incident.severity).toBe('sev1');
    const redact = await s.command(id, alice, 'commander', { type: 'redact', seq: 2, reason: 'pasted a password' });
    expect(asCommand(redact.body).incident.redacted).toEqual([2]);
  });

  it('answers core refusals with their code and status, and unknown incidents with 404', async () => {
    const s = service(new MemoryEventStore());
    const { id } = asIncident((await s.open(alice, 'responder', { title: 'x', severity: 'sev2' })).body);
    const same = await s.command(id, alice, 'commander', { type: 'severity', to: 'sev2' });
    expect([same.status, asError(same.body).code]).toEqual([409, 'no_change']);
    const missing = await s.command('nope', alice, 'responder', { type: 'note', text: 'hi' });
    expect([missing.status, asError(missing.body).code]).toEqual([404, 'not_found']);
    expect((await s.get('nope', 'viewer')).status).toBe(404);
    expect((await s.events('nope', 0, 'viewer')).status).toBe(404);
    const tooLong = await s.get('x'.repeat(500), 'viewer');
    expect(tooLong.status).toBe(404);
  });

  it('refuses malformed commands with 400: unknown type, unknown field, wrong type', async () => {
    const s = service(new MemoryEventStore());
    const { id } = asIncident((await s.open(alice, 'responder', { title: 'x', severity: 'sev2' })).body);
    for (const body of [{ type: 'dance' }, { text: 'no type' }, 'note', { type: 'note', text: 'x', extra: 1 }, { type: 'star', seq: 'one' }, { type: 'note', text: '' }]) {
      const result = await s.command(id, alice, 'responder', body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(asError(result.body).code).toBe('invalid_request');
    }
    expect((await s.events(id, 0, 'viewer')).body).toMatchObject({ events: [{ seq: 1 }] });
  });

  it('reads the timeline after a seq, as the reader may see it (redacted text for admins only)', async () => {
    const s = service(new MemoryEventStore());
    const { id } = asIncident((await s.open(alice, 'responder', { title: 'x', severity: 'sev2' })).body);
    await s.command(id, alice, 'responder', { type: 'note', text: 'secret=hunter2' });
    await s.command(id, alice, 'commander', { type: 'redact', seq: 2 });
    const forViewer = (await s.events(id, 1, 'viewer')).body as { events: TimelineEntry[] };
    expect(forViewer.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(forViewer.events[0]?.data).toEqual({});
    expect(forViewer.events[0]?.redacted?.seq).toBe(3);
    const forAdmin = (await s.events(id, 1, 'admin')).body as { events: TimelineEntry[] };
    expect(forAdmin.events[0]?.data).toEqual({ text: 'secret=hunter2' });
    expect(((await s.events(id, 3, 'viewer')).body as { events: unknown[] }).events).toEqual([]);
    expect((await s.events(id, -1, 'viewer')).status).toBe(400);
    expect((await s.events(id, 1.5, 'viewer')).status).toBe(400);
  });

  it('lists incidents newest first, without notes', async () => {
    const s = service(new MemoryEventStore());
    await s.open(alice, 'responder', { title: 'first', severity: 'sev2' });
    await s.open(alice, 'responder', { title: 'second', severity: 'sev3', runbook: 'db-slow' });
    const listed = (await s.list('viewer')).body as { incidents: Record<string, unknown>[] };
    expect(listed.incidents.map((i) => i.title)).toEqual(['second', 'first']);
    expect(listed.incidents[0]).toMatchObject({ id: 'inc-2', walk: { runbookId: 'db-slow', current: 'latency' } });
    expect(listed.incidents[0]).not.toHaveProperty('notes');
    expect(await s.openIncidents()).toBe(2);
  });

  it('answers 500 damaged_timeline for an incident whose stored events do not fold, and lists the others', async () => {
    const store = new MemoryEventStore();
    const errors: string[] = [];
    const s = service(store, { onError: (_e, what) => errors.push(what) });
    await s.open(alice, 'responder', { title: 'fine', severity: 'sev2' });
    // Written around the service: a timeline that does not start with incident.opened.
    await store.append({ incidentId: 'broken', drafts: [{ type: 'note.added', actor: alice, data: { text: 'orphan' } }] });
    const got = await s.get('broken', 'viewer');
    expect([got.status, asError(got.body).code]).toEqual([500, 'damaged_timeline']);
    const listed = (await s.list('viewer')).body as { incidents: { id: string }[] };
    expect(listed.incidents.map((i) => i.id)).toEqual(['inc-1']);
    expect(errors).toContain('a damaged timeline left out of the list');
  });

  it('lists and shows runbooks; an unknown one is 404 runbook_not_found', async () => {
    const s = service(new MemoryEventStore());
    const listed = (await s.runbooks('viewer')).body as { runbooks: { id: string }[] };
    expect(listed.runbooks.map((r) => r.id)).toEqual(['db-slow']);
    expect((await s.runbook('db-slow', 'viewer')).body).toEqual({ runbook: dbSlow, problems: [] });
    const missing = await s.runbook('nope', 'viewer');
    expect([missing.status, asError(missing.body).code]).toEqual([404, 'runbook_not_found']);
  });

  describe('walks', () => {
    it('runs the check with the fixture source, answers, completes the action, and reaches the end', async () => {
      const s = service(new MemoryEventStore());
      const { id } = await openWalk(s);
      const check = await s.command(id, alice, 'responder', { type: 'run_check', node: 'latency' });
      expect(check.status).toBe(201);
      const checked = asCommand(check.body);
      expect(checked.events.map((e) => e.type)).toEqual(['check.evaluated', 'step.entered']);
      expect(checked.events[0]?.data).toMatchObject({ node: 'latency', value: 0.9, next: 'ask', source: 'demo', sourceType: 'fixture', query: 'p99 latency of main' });
      expect(checked.incident.walk?.state.current).toBe('ask');
      const answered = await s.command(id, alice, 'responder', { type: 'answer', node: 'ask', label: 'Deploy' });
      expect(asCommand(answered.body).incident.walk?.state.current).toBe('rollback');
      const done = await s.command(id, alice, 'responder', { type: 'complete_action', node: 'rollback', result: 'done', note: 'rolled back v42' });
      const ended = asCommand(done.body).incident;
      expect(ended.walk?.state.ended).toEqual({ node: 'recovered', outcome: 'mitigated', by: 'end' });
      expect(ended.figures.timeToMitigate).toBeDefined();
    });

    it('refuses a step naming a node the walk has left: 409 stale_node with the current state', async () => {
      const s = service(new MemoryEventStore());
      const { id } = await openWalk(s);
      await s.command(id, alice, 'responder', { type: 'run_check', node: 'latency' });
      const before = (await s.get(id, 'viewer')).body as Incident;
      const stale = await s.command(id, bob, 'responder', { type: 'run_check', node: 'latency' });
      expect(stale.status).toBe(409);
      const error = asError(stale.body);
      expect(error.code).toBe('stale_node');
      expect(error.details).toMatchObject({ current: 'ask', lastSeq: before.lastSeq, walk: { state: { current: 'ask' } } });
      expect(((await s.get(id, 'viewer')).body as Incident).lastSeq).toBe(before.lastSeq);
    });

    it('of two racing steps on one node applies one and refuses the other with 409', async () => {
      const s = service(new MemoryEventStore());
      const { id } = await openWalk(s);
      const results = await Promise.all([
        s.command(id, alice, 'responder', { type: 'run_check', node: 'latency' }),
        s.command(id, bob, 'responder', { type: 'run_check', node: 'latency' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const events = ((await s.events(id, 0, 'viewer')).body as { events: TimelineEntry[] }).events;
      expect(events.filter((e) => e.type === 'check.evaluated')).toHaveLength(1);
    });

    it('starts a walk on an incident opened without one, and refuses a second start that does not name the node', async () => {
      const s = service(new MemoryEventStore());
      const { id } = asIncident((await s.open(alice, 'responder', { title: 'x', severity: 'sev2' })).body);
      const started = await s.command(id, alice, 'responder', { type: 'start', runbook: 'db-slow', inputs: { cluster: 'eu' } });
      expect(started.status).toBe(201);
      expect(asCommand(started.body).incident.walk?.state.inputs).toEqual({ cluster: 'eu' });
      const again = await s.command(id, alice, 'responder', { type: 'start', runbook: 'db-slow' });
      expect([again.status, asError(again.body).code]).toEqual([409, 'walk_in_progress']);
      const wrong = await s.command(id, alice, 'responder', { type: 'answer', node: 'latency', label: 'Deploy' });
      expect(wrong.status).toBe(409);
    });
  });

  describe('idempotency', () => {
    it('answers the same key and payload with the same response and no new event', async () => {
      const store = new MemoryEventStore();
      const s = service(store);
      const first = await s.open(alice, 'responder', { title: 'x', severity: 'sev2' }, 'open-1');
      const again = await s.open(alice, 'responder', { severity: 'sev2', title: 'x' }, 'open-1');
      expect(again).toEqual(first);
      expect(await store.incidentIds()).toEqual(['inc-1']);

      const note = await s.command('inc-1', alice, 'responder', { type: 'note', text: 'hi' }, 'note-1');
      const replay = await s.command('inc-1', alice, 'responder', { type: 'note', text: 'hi' }, 'note-1');
      expect(replay).toEqual(note);
      expect(asCommand(note.body).events[0]?.key).toBe('note-1');
      expect((await store.read('inc-1')).map((e) => e.type)).toEqual(['incident.opened', 'note.added']);
    });

    it('refuses the same key with another payload or sender: 422 idempotency_key_reused', async () => {
      const store = new MemoryEventStore();
      const s = service(store);
      await s.open(alice, 'responder', { title: 'x', severity: 'sev2' }, 'k');
      const other = await s.open(alice, 'responder', { title: 'y', severity: 'sev2' }, 'k');
      expect([other.status, asError(other.body).code]).toEqual([422, 'idempotency_key_reused']);
      const otherSender = await s.open(bob, 'responder', { title: 'x', severity: 'sev2' }, 'k');
      expect(otherSender.status).toBe(422);
      await s.command('inc-1', alice, 'responder', { type: 'note', text: 'a' }, 'n');
      expect((await s.command('inc-1', alice, 'responder', { type: 'note', text: 'b' }, 'n')).status).toBe(422);
      expect(await store.incidentIds()).toEqual(['inc-1']);
      expect(await store.read('inc-1')).toHaveLength(2);
    });

    it('keeps one event per key when the same request races itself', async () => {
      const store = new MemoryEventStore();
      const s = service(store);
      const opens = await Promise.all([1, 2, 3].map(() => s.open(alice, 'responder', { title: 'x', severity: 'sev2' }, 'race')));
      expect(new Set(opens.map((r) => JSON.stringify(r))).size).toBe(1);
      expect(await store.incidentIds()).toHaveLength(1);
      const notes = await Promise.all([1, 2, 3].map(() => s.command('inc-1', alice, 'responder', { type: 'note', text: 'x' }, 'race')));
      expect(notes.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(notes.map((r) => JSON.stringify(r))).size).toBe(1);
      expect(await store.read('inc-1')).toHaveLength(2);
    });

    it('replays a walk step: the retry of an applied step is not refused as stale', async () => {
      const store = new MemoryEventStore();
      const s = service(store);
      const { id } = await openWalk(s);
      const first = await s.command(id, alice, 'responder', { type: 'run_check', node: 'latency' }, 'step-1');
      const retry = await s.command(id, alice, 'responder', { type: 'run_check', node: 'latency' }, 'step-1');
      expect(retry).toEqual(first);
      expect((await store.read(id)).filter((e) => e.type === 'check.evaluated')).toHaveLength(1);
    });

    describe('across a restart (lowdb store)', () => {
      let dir = '';
      afterEach(async () => {
        if (dir) await rm(dir, { recursive: true, force: true });
      });

      it('replays the stored response after the server reopens its data dir', async () => {
        dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-service-'));
        const store = await LowdbEventStore.open({ dataDir: dir, onNotice: () => undefined });
        const before = service(store);
        const opened = await before.open(alice, 'responder', { title: 'x', severity: 'sev2', runbook: 'db-slow' }, 'open-k');
        const step = await before.command('inc-1', alice, 'responder', { type: 'run_check', node: 'latency' }, 'step-k');
        await before.close();
        await store.close();

        const reopened = await LowdbEventStore.open({ dataDir: dir, onNotice: () => undefined });
        try {
          const after = service(reopened);
          expect(await after.open(alice, 'responder', { title: 'x', severity: 'sev2', runbook: 'db-slow' }, 'open-k')).toEqual(opened);
          expect(await after.command('inc-1', alice, 'responder', { type: 'run_check', node: 'latency' }, 'step-k')).toEqual(step);
          expect((await after.command('inc-1', alice, 'responder', { type: 'note', text: 'other' }, 'step-k')).status).toBe(422);
          expect(await reopened.incidentIds()).toEqual(['inc-1']);
          expect((await reopened.read('inc-1')).length).toBe(asCommand(step.body).incident.lastSeq);
        } finally {
          await reopened.close();
        }
      });
    });
  });

  describe('ordering and concurrency', () => {
    it('serializes concurrent commands on one incident: gapless seqs, published in seq order', async () => {
      const s = service(new MemoryEventStore());
      const { id } = asIncident((await s.open(alice, 'responder', { title: 'x', severity: 'sev2' })).body);
      const seen: number[] = [];
      s.subscribe((events) => seen.push(...events.map((e) => e.seq)));
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => s.command(id, alice, 'responder', { type: 'note', text: `n${i}` })));
      expect(results.every((r) => r.status === 201)).toBe(true);
      expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    });

    it('publishes only after the append is durable, never for a failed one', async () => {
      const inner = new MemoryEventStore();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      const slow: EventStore = {
        append: async (request: AppendRequest) => {
          await gate;
          return inner.append(request);
        },
        read: (id, after) => inner.read(id, after),
        incidentIds: () => inner.incidentIds(),
        idempotency: (scope, key) => inner.idempotency(scope, key),
        close: () => inner.close(),
      };
      const s = service(slow);
      const published: number[] = [];
      s.subscribe((events) => published.push(events.length));
      const pending = s.open(alice, 'responder', { title: 'x', severity: 'sev2' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(published).toEqual([]);
      release();
      expect((await pending).status).toBe(201);
      expect(published).toEqual([1]);
    });

    it('re-decides once when another writer appended between load and append', async () => {
      const inner = new MemoryEventStore();
      let interfere = false;
      const racing: EventStore = {
        append: async (request: AppendRequest) => {
          if (interfere) {
            interfere = false;
            await inner.append({ incidentId: request.incidentId, drafts: [{ type: 'note.added', actor: { kind: 'system' }, data: { text: 'from elsewhere' } }] });
          }
          return inner.append(request);
        },
        read: (id, after) => inner.read(id, after),
        incidentIds: () => inner.incidentIds(),
        idempotency: (scope, key) => inner.idempotency(scope, key),
        close: () => inner.close(),
      };
      const s = service(racing);
      const { id } = asIncident((await s.open(alice, 'responder', { title: 'x', severity: 'sev2' })).body);
      interfere = true;
      const result = await s.command(id, alice, 'responder', { type: 'note', text: 'mine' });
      expect(result.status).toBe(201);
      expect(asCommand(result.body).events.map((e) => e.seq)).toEqual([3]);
      expect(((await s.get(id, 'viewer')).body as Incident).notes.map((n) => n.text)).toEqual(['from elsewhere', 'mine']);
    });

    it('reports a listener that throws and keeps serving', async () => {
      const errors: string[] = [];
      const s = service(new MemoryEventStore(), { onError: (_e, what) => errors.push(what) });
      s.subscribe(() => {
        throw new Error('boom');
      });
      expect((await s.open(alice, 'responder', { title: 'x', severity: 'sev2' })).status).toBe(201);
      expect(errors).toEqual(['an events listener threw']);
    });

    it('after close() refuses new work with 503 shutting_down, having finished the work under way', async () => {
      const store = new MemoryEventStore();
      const s = service(store);
      const pending = s.open(alice, 'responder', { title: 'x', severity: 'sev2' });
      await s.close();
      expect((await pending).status).toBe(201);
      const late = await s.open(alice, 'responder', { title: 'y', severity: 'sev2' });
      expect([late.status, asError(late.body).code]).toEqual([503, 'shutting_down']);
    });

    it('answers 503 when the store is closed under it', async () => {
      const store = new MemoryEventStore();
      const s = service(store);
      await store.close();
      const result = await s.open(alice, 'responder', { title: 'x', severity: 'sev2' });
      expect(result.status).toBe(503);
    });
  });
});
