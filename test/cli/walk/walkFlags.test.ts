import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/cliIo.js';
import { DEFAULT_MAX_STEPS, parseAt, parseWalkFlags } from '../../../src/cli/walk/walkFlags.js';

describe('parseAt', () => {
  it.each([
    ['1714564800', 1714564800],
    ['1714564800.25', 1714564800.25],
    ['2024-05-01T12:00:00Z', 1714564800],
    ['2024-05-01t12:00:00z', 1714564800],
    ['2024-05-01 12:00:00Z', 1714564800],
    ['2024-05-01T14:00:00+02:00', 1714564800],
    ['2024-05-01T12:00:00.5Z', 1714564800.5],
  ])('reads %s', (text, seconds) => {
    expect(parseAt(text)).toBe(seconds);
  });

  it.each(['now', '2024-05-01', '2024-05-01T12:00:00', '2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '-5', '1e9', ''])('refuses %j', (text) => {
    expect(() => parseAt(text)).toThrow(UsageError);
  });
});

describe('parseWalkFlags', () => {
  it('collects repeatable pairs, splitting at the first =', () => {
    const flags = parseWalkFlags(['rb', '-i', 'a=1', '--input', 'b=x=y', '-l', 'zone=', '-a', 'q=Yes', '-a', 'q=No', '--action', 'act=skip', '-s', 'prom=http://h:9090/p?x=1']);
    expect(flags).toEqual({
      target: 'rb',
      runbooks: 'runbooks',
      inputs: { a: '1', b: 'x=y' },
      labels: { zone: '' },
      sources: { prom: 'http://h:9090/p?x=1' },
      answers: [['q', 'Yes'], ['q', 'No']],
      actions: [['act', 'skipped']],
      format: 'text',
      maxSteps: DEFAULT_MAX_STEPS,
    });
  });

  it('reads --at, --scenario, --format, --max-steps and --runbooks', () => {
    expect(parseWalkFlags(['rb', '--at', '100', '--scenario', 's.yaml', '-f', 'json', '--max-steps', '5', '--runbooks', 'rbs'])).toMatchObject({
      at: 100, scenario: 's.yaml', format: 'json', maxSteps: 5, runbooks: 'rbs',
    });
    expect(parseWalkFlags(['--help'])).toBe('help');
  });

  it('refuses a second runbook and a name-less pair', () => {
    expect(() => parseWalkFlags(['a', 'b'])).toThrow('expected one runbook, got 2: a b');
    expect(() => parseWalkFlags(['a', '--label', '=x'])).toThrow("--label '=x' is not name=value");
  });
});
