import { describe, it, expect } from 'vitest';
import { formatText } from '../../../src/cli/format/formatText.js';
import { CHECKOUT, DANGLING, UNREACHABLE, sampleResult } from './sampleResult.js';

describe('formatText', () => {
  it('prints file:line:col, severity, message and rule, the source line and a caret under the span', () => {
    const out = formatText(sampleResult(), { color: false });
    expect(out).toBe([
      "runbooks/checkout.yaml:7:11: error: next 'rolback' names no node; did you mean 'orphan'? [dangling-target]",
      '  |',
      '7 |     next: rolback',
      '  |           ^~~~~~~',
      "runbooks/checkout.yaml:8:3: warning: node 'orphan' is unreachable from 'start'; link to it or remove it [unreachable-node]",
      '  |',
      '8 |   orphan:',
      '  |   ^~~~~~',
      '',
      '✖ 2 problems (1 error, 1 warning) in 1 of 2 files',
      '',
    ].join('\n'));
  });

  it('says how many files were checked when there is nothing to report', () => {
    expect(formatText(sampleResult([]), { color: false })).toBe('✓ 2 files checked, no problems\n');
    expect(formatText({ files: 1, problems: [], texts: new Map() }, { color: false })).toBe('✓ 1 file checked, no problems\n');
  });

  it('underlines to the end of the line when the span continues on later lines, and shows one caret for an empty span', () => {
    const multi = formatText(sampleResult([{ ...DANGLING, endLine: 9, endColumn: 3 }]), { color: false });
    expect(multi).toContain('7 |     next: rolback\n  |           ^~~~~~~\n');
    const empty = formatText(sampleResult([{ ...DANGLING, endColumn: 11 }]), { color: false });
    expect(empty).toContain('  |           ^\n');
  });

  it('keeps tabs in the caret padding so the caret lines up', () => {
    const out = formatText({ files: 1, problems: [{ ...DANGLING, file: 't.yaml', line: 1, column: 3, endLine: 1, endColumn: 4 }], texts: new Map([['t.yaml', '\ta: b']]) }, { color: false });
    expect(out).toContain('1 | \ta: b\n  | \t ^\n');
  });

  it('leaves out the snippet when the file or line is not available, e.g. a missing path', () => {
    const missing = { file: 'nope', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error' as const, rule: 'no-runbooks', message: "path 'nope' does not exist" };
    const out = formatText({ files: 0, problems: [missing], texts: new Map() }, { color: false });
    expect(out).toBe("nope:1:1: error: path 'nope' does not exist [no-runbooks]\n\n✖ 1 problem (1 error, 0 warnings), no files checked\n");
  });

  it('does not claim more problem files than were checked', () => {
    const missing = { ...DANGLING, file: 'nope', rule: 'no-runbooks' };
    const out = formatText({ files: 1, problems: [DANGLING, missing], texts: new Map([[CHECKOUT, '']]) }, { color: false });
    expect(out).toContain('✖ 2 problems (2 errors, 0 warnings) in 2 files, 1 checked\n');
  });

  it('replaces control characters from the file so they cannot drive the terminal', () => {
    const out = formatText({ files: 1, problems: [{ ...UNREACHABLE, line: 1, column: 1, message: 'bad \u001b[2J key' }], texts: new Map([[CHECKOUT, 'x\u001b]0;pwned\u0007: 1']]) }, { color: false });
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('bad \uFFFD[2J key');
  });

  it('colours severities and the summary only when asked', () => {
    const coloured = formatText(sampleResult(), { color: true });
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(formatText(sampleResult(), { color: false })).not.toContain('\u001b[');
  });
});
