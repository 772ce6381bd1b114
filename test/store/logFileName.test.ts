import { describe, expect, it } from 'vitest';
import { incidentIdOfLogFile, incidentIdProblem, logFileName } from '../../src/store/logFileName.js';

describe('log file names', () => {
  it('keeps letters, digits, _ and - and writes every other character as %XX per UTF-8 byte', () => {
    expect(logFileName('INC-2025_03')).toBe('INC-2025_03.jsonl');
    expect(logFileName('a.b/c é')).toBe('a%2Eb%2Fc%20%C3%A9.jsonl');
    expect(logFileName('..')).toBe('%2E%2E.jsonl');
  });

  it('maps names back to ids, and nothing else', () => {
    for (const id of ['INC-1', 'a.b/c é', '%41', '🔥 outage']) expect(incidentIdOfLogFile(logFileName(id))).toBe(id);
    expect(incidentIdOfLogFile('index.json')).toBeUndefined();
    expect(incidentIdOfLogFile('a.b.jsonl')).toBeUndefined();
    expect(incidentIdOfLogFile('%2e.jsonl')).toBeUndefined();
    expect(incidentIdOfLogFile('%FF.jsonl')).toBeUndefined();
    expect(incidentIdOfLogFile('.jsonl')).toBeUndefined();
  });

  it('refuses ids that cannot be a file name', () => {
    expect(incidentIdProblem('ok')).toBeUndefined();
    expect(incidentIdProblem('')).toBe('an incident id must not be empty');
    expect(incidentIdProblem('bad\uD800')).toMatch(/not well-formed Unicode/);
    expect(incidentIdProblem('é'.repeat(33))).toBeUndefined();
    expect(incidentIdProblem('é'.repeat(34))).toMatch(/too long: 204 bytes as a file name/);
  });
});
