// Timeline promises 1 and 4 against the real server process: clients append in a concurrent storm
// over HTTP and sockets, the server is killed with SIGKILL at a seeded moment and restarted on the
// same data dir. Every acknowledged event is there at its seq, seqs are gapless, nothing is stored
// twice, and every event a follower saw live is on disk (broadcast only after store).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../store/seededRandom.js';
import { addUser, api, connectSocket, openIncident, readTimeline, request, startServe, type ServeProcess, type StoredEvent } from './serveProcess.js';

// bench/realtime/crash.js runs this longer, with other seeds, through these variables.
const RUNS = Number(process.env.RUNPATH_KILL_RUNS ?? 22);
const SEED = Number(process.env.RUNPATH_KILL_SEED ?? 0x5eed_2024);
const HTTP_WRITERS = 6;
const SOCKET_WRITERS = 4;

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Ack {
  incidentId: string;
  seq: number;
  id: string;
  text: string;
}

interface Ledger {
  incidents: string[];
  acks: Ack[];
  /** Answers other than 201 (there should be none: a crash cuts connections, it does not refuse). */
  unexpected: string[];
}

/** Notes from one writer until the server goes away; each 201 is recorded as acknowledged. */
async function httpWriter(server: ServeProcess, token: string, name: string, ledger: Ledger, pick: () => string): Promise<void> {
  for (let i = 0; ; i++) {
    const incidentId = pick();
    const text = `${name}-${i}`;
    let answer;
    try {
      answer = await api(server.url, token, 'POST', `/api/incidents/${incidentId}/events`, { type: 'note', text }, i % 3 === 0 ? `key-${text}` : undefined);
    } catch {
      return;
    }
    record(ledger, incidentId, text, answer);
  }
}

async function socketWriter(socket: Socket, name: string, ledger: Ledger, pick: () => string): Promise<void> {
  for (let i = 0; ; i++) {
    const incidentId = pick();
    const text = `${name}-${i}`;
    let answer;
    try {
      answer = await request(socket, 'command', { incidentId, command: { type: 'note', text }, ...(i % 3 === 0 ? { idempotencyKey: `key-${text}` } : {}) }, 3000);
    } catch {
      return;
    }
    record(ledger, incidentId, text, answer);
  }
}

function record(ledger: Ledger, incidentId: string, text: string, answer: { status: number; body: unknown }): void {
  if (answer.status !== 201) {
    ledger.unexpected.push(`${text}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    return;
  }
  const event = (answer.body as { events: StoredEvent[] }).events[0];
  if (event?.data.text !== text) {
    ledger.unexpected.push(`${text}: acknowledged with ${JSON.stringify(event)}`);
    return;
  }
  ledger.acks.push({ incidentId, seq: event.seq, id: event.id, text });
}

/** A socket joined to an incident, keeping every event it receives (catch-up and live). */
async function follow(server: ServeProcess, token: string, incidentId: string): Promise<{ socket: Socket; events: StoredEvent[] }> {
  const socket = await connectSocket(server.url, token);
  const events: StoredEvent[] = [];
  socket.on('events', (batch: { incidentId: string; events: StoredEvent[] }) => {
    if (batch.incidentId === incidentId) events.push(...batch.events);
  });
  const answer = await request(socket, 'join', { incidentId, afterSeq: 0 });
  expect(answer.status).toBe(200);
  events.unshift(...(answer.body as { events: StoredEvent[] }).events);
  return { socket, events };
}

async function stormAndKill(server: ServeProcess, token: string, run: number, ledger: Ledger): Promise<{ followed: StoredEvent[]; acks: number }> {
  const random = seededRandom(SEED + run);
  const pick = (): string => ledger.incidents[Math.floor(random() * ledger.incidents.length)] ?? '';
  const incidentId = ledger.incidents[run % ledger.incidents.length] ?? '';
  const follower = await follow(server, token, incidentId);
  const sockets = await Promise.all(Array.from({ length: SOCKET_WRITERS }, () => connectSocket(server.url, token)));
  const before = ledger.acks.length;
  const writers = [
    ...Array.from({ length: HTTP_WRITERS }, (_, w) => httpWriter(server, token, `r${run}-h${w}`, ledger, pick)),
    ...sockets.map((socket, w) => socketWriter(socket, `r${run}-s${w}`, ledger, pick)),
  ];
  while (ledger.acks.length === before) await sleep(1);
  await sleep(5 + Math.floor(random() * 120));
  await server.kill9();
  await Promise.all(writers);
  for (const socket of [...sockets, follower.socket]) socket.disconnect();
  return { followed: follower.events, acks: ledger.acks.length - before };
}

async function verify(server: ServeProcess, token: string, ledger: Ledger, followed: StoredEvent[], followedId: string): Promise<number> {
  const texts = new Map<string, { incidentId: string; seq: number; id: string }>();
  let events = 0;
  for (const incidentId of ledger.incidents) {
    const timeline = await readTimeline(server.url, token, incidentId);
    expect(timeline.map((e) => e.seq), `seqs of ${incidentId}`).toEqual(timeline.map((_, i) => i + 1));
    for (const event of timeline) {
      const text = event.data.text;
      if (event.type !== 'note.added' || text === undefined) continue;
      expect(texts.has(text), `${text} is stored once`).toBe(false);
      texts.set(text, { incidentId, seq: event.seq, id: event.id });
    }
    events += timeline.length;
    if (incidentId === followedId) {
      // Broadcast only after store: whatever the follower got live is on disk, as it got it.
      const bySeq = new Map(timeline.map((e) => [e.seq, e]));
      for (const seen of followed) expect(bySeq.get(seen.seq)?.id, `followed seq ${seen.seq} is stored`).toBe(seen.id);
      expect(followed.map((e) => e.seq), 'the follower saw each seq once, in order').toEqual(followed.map((_, i) => i + 1));
    }
  }
  for (const ack of ledger.acks) expect(texts.get(ack.text), `acknowledged ${ack.text}`).toEqual({ incidentId: ack.incidentId, seq: ack.seq, id: ack.id });
  return events;
}

describe('runpath serve killed with SIGKILL during a concurrent append storm', () => {
  it(`keeps every acknowledged event, gapless and once, over ${RUNS} seeded kills and restarts`, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'runpath-kill-'));
    dirs.push(dataDir);
    const token = addUser(dataDir, 'ana', 'responder');
    let server = await startServe(dataDir);
    const ledger: Ledger = { incidents: [], acks: [], unexpected: [] };
    for (let i = 0; i < 3; i++) ledger.incidents.push(await openIncident(server.url, token, `storm ${i}`));
    const perRun: number[] = [];
    let events = 0;
    try {
      for (let run = 0; run < RUNS; run++) {
        const followedId = ledger.incidents[run % ledger.incidents.length] ?? '';
        const killed = server.pid;
        const { followed, acks } = await stormAndKill(server, token, run, ledger);
        perRun.push(acks);
        server = await startServe(dataDir);
        // The dead server never unlocked: the new one takes the lock over, saying from whom.
        expect(server.output()).toContain(`process ${killed}`);
        events = await verify(server, token, ledger, followed, followedId);
        expect(ledger.unexpected).toEqual([]);
      }
      // Still a working server: a new append lands right after the last stored seq.
      const incidentId = ledger.incidents[0] ?? '';
      const last = (await readTimeline(server.url, token, incidentId)).length;
      const answer = await api(server.url, token, 'POST', `/api/incidents/${incidentId}/events`, { type: 'note', text: 'after the storms' });
      expect(answer).toMatchObject({ status: 201, body: { events: [{ seq: last + 1 }] } });
    } finally {
      await server.stop().catch(() => server.kill9());
    }
    if (process.env.RUNPATH_TEST_REPORT !== undefined) {
      console.log(`kill -9 runs: ${RUNS} from seed ${SEED}; acknowledged appends: ${ledger.acks.length} (per run ${perRun.join(' ')}); events stored: ${events}`);
    }
    expect(perRun.every((n) => n > 0)).toBe(true);
    expect(ledger.acks.length).toBeGreaterThan(RUNS * 10);
    expect(events).toBeGreaterThanOrEqual(ledger.acks.length);
  }, 120_000 + RUNS * 3000);
});
