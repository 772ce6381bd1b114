import { describe, expect, it } from 'vitest';
import { parseCommand, parseEmpty, parseJoin, parseLeave } from '../../../src/server/realtime/socketMessages.js';

function errorOf(result: { ok: boolean; error?: { status: number; body: unknown } }): { status: number; code: string; message: string } {
  if (result.ok || !result.error) throw new Error('expected a refusal');
  const { error } = result.error.body as { error: { code: string; message: string } };
  return { status: result.error.status, code: error.code, message: error.message };
}

describe('socket messages', () => {
  it('reads a join, with afterSeq 0 when absent', () => {
    expect(parseJoin({ incidentId: 'inc-1', afterSeq: 7 })).toEqual({ ok: true, value: { incidentId: 'inc-1', afterSeq: 7 } });
    expect(parseJoin({ incidentId: 'inc-1' })).toEqual({ ok: true, value: { incidentId: 'inc-1', afterSeq: 0 } });
  });

  it.each([
    [null, 'join takes an object'],
    ['inc-1', 'join takes an object'],
    [[1], 'join takes an object'],
    [{}, 'incidentId must be a non-empty string, not nothing'],
    [{ incidentId: 5 }, 'incidentId must be a non-empty string, not 5'],
    [{ incidentId: 'x'.repeat(201) }, 'keep it within 200'],
    [{ incidentId: 'inc-1', afterSeq: -1 }, 'afterSeq must be a whole number from 0'],
    [{ incidentId: 'inc-1', afterSeq: 1.5 }, 'afterSeq must be a whole number from 0'],
    [{ incidentId: 'inc-1', afterSeq: '3' }, 'afterSeq must be a whole number from 0'],
    [{ incidentId: 'inc-1', since: 3 }, 'unknown field "since"'],
  ])('refuses the join %j with invalid_message (400)', (payload, message) => {
    const error = errorOf(parseJoin(payload));
    expect(error).toMatchObject({ status: 400, code: 'invalid_message' });
    expect(error.message).toContain(message);
  });

  it('reads a leave and refuses one without an incident', () => {
    expect(parseLeave({ incidentId: 'inc-1' })).toEqual({ ok: true, value: { incidentId: 'inc-1' } });
    expect(errorOf(parseLeave({ incidentId: '' })).message).toContain('incidentId must be a non-empty string');
  });

  it('reads a command and its optional idempotency key, and refuses a command that is not an object', () => {
    expect(parseCommand({ incidentId: 'inc-1', command: { type: 'note', text: 'hi' }, idempotencyKey: 'k1' })).toEqual({
      ok: true,
      value: { incidentId: 'inc-1', command: { type: 'note', text: 'hi' }, idempotencyKey: 'k1' },
    });
    expect(parseCommand({ incidentId: 'inc-1', command: { type: 'note' } })).toEqual({ ok: true, value: { incidentId: 'inc-1', command: { type: 'note' } } });
    expect(errorOf(parseCommand({ incidentId: 'inc-1', command: 'note' })).message).toContain('command must be an object');
    expect(errorOf(parseCommand({ incidentId: 'inc-1', command: [] })).message).toContain('command must be an object');
    expect(errorOf(parseCommand({ incidentId: 'inc-1', command: {}, idempotencyKey: 3 })).message).toContain('idempotencyKey must be a non-empty string');
  });

  it('watch and unwatch take an empty object and nothing else', () => {
    expect(parseEmpty({}, 'watch')).toEqual({ ok: true, value: {} });
    expect(errorOf(parseEmpty({ all: true }, 'watch')).message).toBe('watch has unknown field "all"; it takes an empty object {}');
    expect(errorOf(parseEmpty([], 'unwatch')).message).toBe('unwatch takes an empty object {}, not []');
    expect(errorOf(parseEmpty(null, 'unwatch'))).toMatchObject({ status: 400, code: 'invalid_message' });
  });
});
