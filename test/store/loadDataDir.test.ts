// What the file store does at open with damaged files: report each (file, line, byte) and refuse,
// or with repair keep a backup and cut back to the last whole record.
import { appendFile, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/store/dataDirLock.js';
import { LowdbEventStore } from '../../src/store/lowdbEventStore.js';
import { CorruptDataError } from '../../src/store/storeErrors.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const now = (): number => Date.UTC(2025, 4, 1, 12, 0, 0);

/** A data dir with incidents `a` (5 events, the 5th with an idempotency record) and `b` (2 events). */
async function populated(): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'runpath-load-'));
  dirs.push(dataDir);
  const store = await LowdbEventStore.open({ dataDir, now, onNotice: () => undefined });
  for (let i = 1; i <= 4; i++) await store.append({ incidentId: 'a', drafts: [{ type: 'note.added', actor: { kind: 'system' }, data: { i } }] });
  await store.append({ incidentId: 'b', drafts: [{ type: 'note.added', actor: { kind: 'system' }, data: { b: 1 } }, { type: 'note.added', actor: { kind: 'system' }, data: { b: 2 } }] });
  await store.append({
    incidentId: 'a',
    drafts: [{ type: 'note.added', actor: { kind: 'system' }, data: { i: 5 } }],
    idempotency: { scope: 'a', key: 'k5', fingerprint: 'f', response: { status: 201, body: { seq: 5 } } },
  });
  await store.close();
  return dataDir;
}

const logOf = (dataDir: string, id: string): string => path.join(dataDir, 'incidents', `${id}.jsonl`);

async function openFails(dataDir: string): Promise<CorruptDataError> {
  const error: unknown = await LowdbEventStore.open({ dataDir, onNotice: () => undefined }).then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  if (!(error instanceof CorruptDataError)) throw new Error(`expected a CorruptDataError, got ${String(error)}`);
  return error;
}

async function repaired(dataDir: string): Promise<{ store: LowdbEventStore; notices: string[] }> {
  const notices: string[] = [];
  const store = await LowdbEventStore.open({ dataDir, now, repair: true, onNotice: (m) => notices.push(m) });
  return { store, notices };
}

describe('opening a data dir with damaged files', () => {
  it('cuts a torn final record at open without being asked (it was never acknowledged), backing it up and saying where', async () => {
    const dataDir = await populated();
    const text = await readFile(logOf(dataDir, 'a'), 'utf8');
    const lines = text.split('\n');
    const fifthStart = Buffer.byteLength(lines.slice(0, 4).join('\n')) + 1;
    await truncate(logOf(dataDir, 'a'), Buffer.byteLength(text) - 20);
    const notices: string[] = [];
    const store = await LowdbEventStore.open({ dataDir, now, onNotice: (m) => notices.push(m) });
    try {
      expect(notices).toEqual([expect.stringContaining(`repaired incidents/a.jsonl:5 (byte ${fifthStart})`)]);
      expect(notices[0]).toContain('the original is in backup/a.jsonl.');
      expect((await store.read('a')).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    } finally {
      await store.close();
    }
  });

  it('with repair, backs the log up, cuts the torn record, and carries on from the last whole one', async () => {
    const dataDir = await populated();
    const original = await readFile(logOf(dataDir, 'a'));
    await truncate(logOf(dataDir, 'a'), original.length - 20);
    const { store, notices } = await repaired(dataDir);
    try {
      expect(notices).toEqual([expect.stringMatching(/^repaired incidents\/a\.jsonl:5 \(byte \d+\): .* — cut the last \d+ bytes; kept 4 record\(s\) up to seq 4; the original is in backup\/a\.jsonl\.2025-05-01T12-00-00-000Z$/)]);
      expect(await readFile(path.join(dataDir, 'backup', 'a.jsonl.2025-05-01T12-00-00-000Z'))).toEqual(original.subarray(0, original.length - 20));
      expect((await store.read('a')).map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      // The cut append took its idempotency record with it: a retry with that key is a new append.
      expect(await store.idempotency('a', 'k5')).toBeUndefined();
      const [next] = await store.append({ incidentId: 'a', drafts: [{ type: 'note.added', actor: { kind: 'system' }, data: { i: 5 } }] });
      expect(next?.seq).toBe(5);
      expect((await store.read('b')).length).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('reports a record that does not read back in the middle of a log, and what repair would lose', async () => {
    const dataDir = await populated();
    const lines = (await readFile(logOf(dataDir, 'a'), 'utf8')).split('\n');
    lines[1] = (lines[1] ?? '').replace('"seq":2', '"seq":2,,');
    await writeFile(logOf(dataDir, 'a'), lines.join('\n'));
    const error = await openFails(dataDir);
    // A refused open leaves the data dir unlocked for the operator's repair.
    expect(await readdir(dataDir)).not.toContain(LOCK_FILE);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatchObject({ file: 'incidents/a.jsonl', line: 2, kind: 'corrupt', message: expect.stringContaining('not JSON') as string });
    const { store, notices } = await repaired(dataDir);
    try {
      expect(notices[0]).toContain('and 3 later record(s) with it; kept 1 record(s) up to seq 1');
      expect((await store.read('a')).map((e) => e.seq)).toEqual([1]);
    } finally {
      await store.close();
    }
  });

  it('reports a gap in seq, a record of another incident, and invalid UTF-8', async () => {
    const dataDir = await populated();
    const lines = (await readFile(logOf(dataDir, 'a'), 'utf8')).split('\n');
    await writeFile(logOf(dataDir, 'a'), [lines[0], lines[2], ''].join('\n'));
    const bLines = (await readFile(logOf(dataDir, 'b'), 'utf8')).split('\n');
    await writeFile(logOf(dataDir, 'b'), `${(bLines[0] ?? '').replaceAll('"incidentId":"b"', '"incidentId":"a"')}\n`);
    await writeFile(logOf(dataDir, 'c'), Buffer.concat([Buffer.from('{"events":[{"text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]}\n')]));
    const error = await openFails(dataDir);
    const messages = Object.fromEntries(error.problems.map((p) => [`${p.file}:${String(p.line)}:${p.kind}`, p.message]));
    expect(messages).toEqual({
      'incidents/a.jsonl:2:corrupt': 'events[0] has seq 3 where 2 comes next: events are missing or repeated',
      'incidents/b.jsonl:1:corrupt': 'events[0] belongs to incident "a", not "b"',
      'incidents/c.jsonl:undefined:unindexed': 'the index does not list incident "c" (0 whole records)',
      'incidents/c.jsonl:1:corrupt': 'the record does not read back: invalid UTF-8',
    });
  });

  it('opens a dir whose index lists an incident without a log (a crash before its first append), without listing it', async () => {
    const dataDir = await populated();
    const index = JSON.parse(await readFile(path.join(dataDir, 'incidents', 'index.json'), 'utf8')) as { incidents: unknown[] };
    index.incidents.push({ id: 'never-written', log: 'never-written.jsonl' });
    await writeFile(path.join(dataDir, 'incidents', 'index.json'), JSON.stringify(index));
    const store = await LowdbEventStore.open({ dataDir, onNotice: () => undefined });
    try {
      expect(await store.incidentIds()).toEqual(['a', 'b']);
      expect((await store.append({ incidentId: 'never-written', drafts: [{ type: 't', actor: { kind: 'system' }, data: null }] }))[0]?.seq).toBe(1);
      expect(await store.incidentIds()).toEqual(['a', 'b', 'never-written']);
    } finally {
      await store.close();
    }
  });

  it('reports logs the index does not list; repair adds them in the order of their first event', async () => {
    const dataDir = await populated();
    const other = await mkdtemp(path.join(os.tmpdir(), 'runpath-load-'));
    dirs.push(other);
    let t = Date.UTC(2025, 0, 1);
    const store = await LowdbEventStore.open({ dataDir: other, now: () => t, onNotice: () => undefined });
    await store.append({ incidentId: 'late', drafts: [{ type: 't', actor: { kind: 'system' }, data: null }] });
    t -= 60_000;
    await store.append({ incidentId: 'early', drafts: [{ type: 't', actor: { kind: 'system' }, data: null }] });
    await store.close();
    for (const id of ['late', 'early']) await writeFile(logOf(dataDir, id), await readFile(logOf(other, id)));
    const error = await openFails(dataDir);
    expect(error.problems.map((p) => [p.file, p.kind])).toEqual([
      ['incidents/early.jsonl', 'unindexed'],
      ['incidents/late.jsonl', 'unindexed'],
    ]);
    const { store: fixed, notices } = await repaired(dataDir);
    try {
      expect(notices).toEqual(['added 2 incident(s) the index did not list: early, late']);
      expect(await fixed.incidentIds()).toEqual(['a', 'b', 'early', 'late']);
    } finally {
      await fixed.close();
    }
  });

  it('reports an unreadable index; repair rebuilds it from the logs and keeps the old one', async () => {
    const dataDir = await populated();
    const indexFile = path.join(dataDir, 'incidents', 'index.json');
    await writeFile(indexFile, '{"version":1,"incidents":[');
    const error = await openFails(dataDir);
    expect(error.problems).toEqual([{ file: 'incidents/index.json', kind: 'index', message: expect.stringContaining('is not valid JSON') as string }]);
    const { store, notices } = await repaired(dataDir);
    try {
      expect(notices[0]).toBe('rebuilding incidents/index.json from the logs; the unreadable one is in backup/index.json.2025-05-01T12-00-00-000Z');
      expect(await store.incidentIds()).toEqual(['a', 'b']);
      expect(await store.idempotency('a', 'k5')).toMatchObject({ response: { status: 201, body: { seq: 5 } } });
    } finally {
      await store.close();
    }
    expect(await readFile(path.join(dataDir, 'backup', 'index.json.2025-05-01T12-00-00-000Z'), 'utf8')).toBe('{"version":1,"incidents":[');
  });

  it('reports an index entry whose log name does not match its id', async () => {
    const dataDir = await populated();
    await writeFile(path.join(dataDir, 'incidents', 'index.json'), JSON.stringify({ version: 1, incidents: [{ id: 'a', log: 'b.jsonl' }] }));
    const error = await openFails(dataDir);
    expect(error.problems[0]).toEqual({ file: 'incidents/index.json', kind: 'index', message: 'incidents[0] names log "b.jsonl", but incident "a" has log "a.jsonl": the index must be rebuilt from the logs' });
  });

  it('reports a file in incidents/ that runpath never names so; repair moves it aside', async () => {
    const dataDir = await populated();
    await appendFile(path.join(dataDir, 'incidents', 'notes.by.hand.jsonl'), 'hello\n');
    const error = await openFails(dataDir);
    expect(error.problems).toEqual([{ file: 'incidents/notes.by.hand.jsonl', kind: 'unindexed', message: 'runpath never names a log like this: move the file out of the data dir' }]);
    const { store, notices } = await repaired(dataDir);
    await store.close();
    expect(notices).toEqual(['moved incidents/notes.by.hand.jsonl, which is not a runpath log, to backup/notes.by.hand.jsonl.2025-05-01T12-00-00-000Z']);
    expect(await readdir(path.join(dataDir, 'incidents'))).not.toContain('notes.by.hand.jsonl');
  });
});
