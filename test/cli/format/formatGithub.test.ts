import { describe, it, expect } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../../src/cli/format/formatGithub.js';
import { DANGLING, sampleResult } from './sampleResult.js';

// The workflow command grammar: ::command k=v,k=v::data, with `,` `:` `%` CR LF escaped in values and % CR LF in data.
const COMMAND = /^::(error|warning) ((?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*)::([^\r\n]*)$/;

function unescape(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

describe('formatGithub', () => {
  it('prints one ::error or ::warning command per problem with file, position, end and rule title', () => {
    expect(formatGithub(sampleResult())).toBe([
      "::error file=runbooks/checkout.yaml,line=7,col=11,endLine=7,endColumn=18,title=dangling-target::next 'rolback' names no node; did you mean 'orphan'?",
      "::warning file=runbooks/checkout.yaml,line=8,col=3,endLine=8,endColumn=9,title=unreachable-node::node 'orphan' is unreachable from 'start'; link to it or remove it",
      '',
    ].join('\n'));
  });

  it('escapes data and properties as @actions/core does, so every line matches the grammar and round-trips', () => {
    const nasty = { ...DANGLING, file: 'run,books/a:b%.yaml', message: 'line one\r\nline two: 100% sure, really' };
    const out = formatGithub(sampleResult([nasty]));
    const lines = out.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    const match = COMMAND.exec(lines[0] ?? '');
    expect(match).not.toBeNull();
    const props = new Map((match?.[2] ?? '').split(',').map((kv) => kv.split('=') as [string, string]));
    expect(unescape(props.get('file') ?? '')).toBe('run,books/a:b%.yaml');
    expect(props.get('file')).toBe('run%2Cbooks/a%3Ab%25.yaml');
    expect(match?.[3]).toBe('line one%0D%0Aline two: 100%25 sure, really');
    expect(unescape(match?.[3] ?? '')).toBe(nasty.message);
  });

  it('exposes the two escapers with the documented mappings', () => {
    expect(escapeData('%\r\n:,')).toBe('%25%0D%0A:,');
    expect(escapeProperty('%\r\n:,')).toBe('%25%0D%0A%3A%2C');
  });

  it('prints nothing for a clean run', () => {
    expect(formatGithub(sampleResult([]))).toBe('');
  });
});
