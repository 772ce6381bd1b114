import { describe, it, expect } from 'vitest';
import { formatJson } from '../../../src/cli/format/formatJson.js';
import { DANGLING, sampleResult } from './sampleResult.js';

describe('formatJson', () => {
  it('prints exactly files and problems with the six documented keys, in order', () => {
    const parsed: unknown = JSON.parse(formatJson(sampleResult()));
    expect(parsed).toStrictEqual({
      files: 2,
      problems: [
        { file: 'runbooks/checkout.yaml', line: 7, column: 11, severity: 'error', rule: 'dangling-target', message: "next 'rolback' names no node; did you mean 'orphan'?" },
        { file: 'runbooks/checkout.yaml', line: 8, column: 3, severity: 'warning', rule: 'unreachable-node', message: "node 'orphan' is unreachable from 'start'; link to it or remove it" },
      ],
    });
    const first = (parsed as { problems: Record<string, unknown>[] }).problems[0] ?? {};
    expect(Object.keys(first)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    expect(Object.keys(parsed as object)).toEqual(['files', 'problems']);
  });

  it('never leaks extra fields a problem object carries', () => {
    const extra = { ...DANGLING, endLine: 7, endColumn: 18, hint: 'x' };
    expect(formatJson(sampleResult([extra]))).not.toMatch(/endLine|endColumn|hint/);
  });

  it('prints an empty list for a clean run, ending with a newline', () => {
    expect(formatJson(sampleResult([]))).toBe('{"files":2,"problems":[]}\n');
  });
});
