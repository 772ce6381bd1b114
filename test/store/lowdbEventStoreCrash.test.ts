// Timeline promise 1 under kill -9: a process appending in a concurrent storm is killed at a
// seeded random moment; reopened, the store has every acknowledged event, seqs gapless, no duplicates.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/incidents/timelineEvent.js';
import { LowdbEventStore } from '../../src/store/lowdbEventStore.js';
import { seededRandom } from './seededRandom.js';
import { startStoreChild } from './storeChild.js';

const CHAINS = 2;
const RUNS_PER_CHAIN = 11;
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

interface Acked {
  acks: { incidentId: string; firstSeq: number; count: number; token: string }[];
  keys: { scope: string; key: string }[];
  opened: string[];
}

interface ChainReport {
  runs: number;
  acks: number;
  tornRepairs: number;
  events: number;
}

/** Runs one storm and kills it; returns the killed pid and how many appends it acknowledged. */
async function crashOnce(dataDir: string, seed: number, run: number, acked: Acked): Promise<{ pid: number; acks: number }> {
  const child = startStoreChild(['storm', dataDir, String(seed), String(run)]);
  await child.waitFor('ready');
  await child.waitFor('ack ');
  await sleep(5 + Math.floor(seededRandom(seed)() * 150));
  child.process.kill('SIGKILL');
  const { signal } = await child.exited;
  expect(signal, `the storm should still run when killed; stderr: ${child.stderr()}`).toBe('SIGKILL');
  let count = 0;
  for (const line of child.lines) {
    const [kind, a = '', b = '', c = '', d = ''] = line.split(' ');
    if (kind === 'ack') {
      acked.acks.push({ incidentId: a, firstSeq: Number(b), count: Number(c), token: d });
      count++;
    } else if (kind === 'key') acked.keys.push({ scope: a, key: b });
    else if (kind === 'opened') acked.opened.push(a);
  }
  return { pid: child.pid, acks: count };
}

/** Reopens after a crash: a torn final record (an unacknowledged append cut by the kill) is the only damage allowed, and it is cut at open. */
async function reopen(dataDir: string, killedPid: number): Promise<{ store: LowdbEventStore; torn: boolean }> {
  const notices: string[] = [];
  const store = await LowdbEventStore.open({ dataDir, onNotice: (m) => notices.push(m) });
  expect(notices.join('\n')).toContain(`from process ${killedPid}, which is no longer running`);
  const repairs = notices.filter((n) => n.startsWith('repaired '));
  for (const r of repairs) expect(r).toContain('without a line end');
  return { store, torn: repairs.length > 0 };
}

async function verify(store: LowdbEventStore, acked: Acked): Promise<number> {
  const ids = await store.incidentIds();
  const byIncident = new Map<string, TimelineEvent[]>();
  const tokens = new Set<string>();
  let total = 0;
  for (const id of ids) {
    const events = await store.read(id);
    expect(events.map((e) => e.seq), `seq of ${id}`).toEqual(events.map((_, i) => i + 1));
    for (const e of events) {
      const { token, k } = e.data as { token: string; k: number };
      const mark = `${token}#${k}`;
      expect(tokens.has(mark), `${mark} stored twice`).toBe(false);
      tokens.add(mark);
    }
    byIncident.set(id, events);
    total += events.length;
  }
  for (const ack of acked.acks) {
    const events = byIncident.get(ack.incidentId) ?? [];
    const got = events.slice(ack.firstSeq - 1, ack.firstSeq - 1 + ack.count).map((e) => `${(e.data as { token: string }).token}#${(e.data as { k: number }).k}`);
    expect(got, `acknowledged append ${ack.token} at ${ack.incidentId}#${ack.firstSeq}`).toEqual(Array.from({ length: ack.count }, (_, k) => `${ack.token}#${k}`));
  }
  for (const { scope, key } of acked.keys) expect(await store.idempotency(scope, key), `idempotency ${scope}/${key}`).toBeDefined();
  for (const id of acked.opened) expect(ids).toContain(id);
  return total;
}

async function chain(index: number): Promise<ChainReport> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `runpath-crash-${index}-`));
  dirs.push(dataDir);
  const acked: Acked = { acks: [], keys: [], opened: [] };
  const report: ChainReport = { runs: 0, acks: 0, tornRepairs: 0, events: 0 };
  for (let run = 0; run < RUNS_PER_CHAIN; run++) {
    const seed = 1000 * (index + 1) + run;
    const { pid, acks } = await crashOnce(dataDir, seed, run, acked);
    expect(acks, `run ${run} (seed ${seed}) acknowledged nothing before the kill`).toBeGreaterThan(0);
    const { store, torn } = await reopen(dataDir, pid);
    report.events = await verify(store, acked);
    await store.close();
    report.runs++;
    report.acks += acks;
    if (torn) report.tornRepairs++;
  }
  return report;
}

describe('LowdbEventStore under kill -9', () => {
  it(`keeps every acknowledged append through ${CHAINS * RUNS_PER_CHAIN} kills during concurrent append storms`, { timeout: 60_000 }, async () => {
    const reports = await Promise.all(Array.from({ length: CHAINS }, (_, i) => chain(i)));
    const runs = reports.reduce((n, r) => n + r.runs, 0);
    expect(runs).toBe(CHAINS * RUNS_PER_CHAIN);
    console.info(`kill -9: ${runs} runs, ${reports.reduce((n, r) => n + r.acks, 0)} acknowledged appends, ${reports.reduce((n, r) => n + r.tornRepairs, 0)} torn tails repaired, ${reports.map((r) => r.events).join(' + ')} events kept`);
  });
});
