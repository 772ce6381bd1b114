import { describe, expect, it } from 'vitest';
import { scanLog } from '../../src/store/scanLog.js';

function line(seqs: number[], idempotency?: object): string {
  const events = seqs.map((seq) => ({ incidentId: 'inc', seq, id: `e${seq}`, at: '2025-01-01T00:00:00.000Z', type: 't', actor: { kind: 'system' }, data: { seq } }));
  return `${JSON.stringify(idempotency ? { events, idempotency } : { events })}\n`;
}

const options = { incidentId: 'inc', file: 'incidents/inc.jsonl' };

describe('scanLog', () => {
  it('reads whole records: last seq, length, where each idempotency record is', () => {
    const first = line([1, 2]);
    const second = line([3], { scope: 'inc', key: 'k', fingerprint: 'f', response: { status: 201, body: null } });
    const scan = scanLog(Buffer.from(first + second), { ...options, keepEvents: true });
    expect(scan).toMatchObject({ lastSeq: 3, records: 2, validBytes: Buffer.byteLength(first + second), firstAt: '2025-01-01T00:00:00.000Z', recordsAfterProblem: 0 });
    expect(scan.problem).toBeUndefined();
    expect(scan.idempotency).toEqual([{ scope: 'inc', key: 'k', offset: Buffer.byteLength(first), length: Buffer.byteLength(second) }]);
    expect(scan.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(Object.isFrozen(scan.events[0]?.data)).toBe(true);
  });

  it('keeps no events unless asked, and reads an empty log as no records', () => {
    expect(scanLog(Buffer.from(line([1])), options).events).toEqual([]);
    expect(scanLog(Buffer.alloc(0), options)).toMatchObject({ lastSeq: 0, records: 0, validBytes: 0 });
  });

  it('calls a final record without its line end torn, even when what is there is valid JSON', () => {
    const first = line([1]);
    const scan = scanLog(Buffer.from(first + line([2]).trimEnd()), options);
    expect(scan).toMatchObject({ lastSeq: 1, validBytes: Buffer.byteLength(first) });
    expect(scan.problem).toMatchObject({ kind: 'torn', line: 2, byte: Buffer.byteLength(first) });
  });

  it('calls NUL bytes left by a lost write torn when they end the file, corrupt when a line follows', () => {
    const first = line([1]);
    expect(scanLog(Buffer.concat([Buffer.from(first), Buffer.alloc(300)]), options).problem?.kind).toBe('torn');
    const scan = scanLog(Buffer.concat([Buffer.from(first), Buffer.alloc(300), Buffer.from(`\n${line([2])}`)]), options);
    expect(scan.problem).toMatchObject({ kind: 'corrupt', line: 2 });
    expect(scan.recordsAfterProblem).toBe(1);
  });

  it('refuses JSON that is not a record of this incident', () => {
    const problem = (text: string): string | undefined => scanLog(Buffer.from(`${text}\n`), options).problem?.message;
    expect(problem('[]')).toMatch(/not a record/);
    expect(problem('{"events":[]}')).toMatch(/not a record/);
    expect(problem(line([2]).trimEnd())).toMatch(/seq 2 where 1 comes next/);
    expect(problem('{"events":[{"incidentId":"inc","seq":1}]}')).toMatch(/lacks id, at, type, actor or data/);
    expect(problem(line([1], { scope: 'inc' }).trimEnd())).toMatch(/idempotency record lacks/);
  });
});
