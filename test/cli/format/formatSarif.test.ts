import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { Ajv } from 'ajv';
import { formatSarif } from '../../../src/cli/format/formatSarif.js';
import { DANGLING, OPTIONS, UNREACHABLE, sampleResult } from './sampleResult.js';

const schema = JSON.parse(readFileSync(new URL('../../fixtures/validate/sarif-2.1.0-subset.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

interface Region { startLine: number; startColumn?: number; endLine?: number; endColumn?: number }
interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region } }[] }[];
  }[];
}

function parse(text: string): SarifLog {
  const log: unknown = JSON.parse(text);
  expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  return log as SarifLog;
}

describe('formatSarif', () => {
  it('has the SARIF 2.1.0 structure GitHub code scanning reads', () => {
    const text = formatSarif(sampleResult(), OPTIONS);
    const log = parse(text);
    expect(JSON.parse(text)).toMatchObject({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0' });
    const run = log.runs[0];
    expect(run?.tool.driver).toMatchObject({ name: 'runpath', version: '0.1.0', informationUri: 'https://example.invalid/runpath' });
    expect(run?.results).toHaveLength(2);
    expect(run?.results[0]).toEqual({
      ruleId: 'dangling-target',
      ruleIndex: 0,
      level: 'error',
      message: { text: DANGLING.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'runbooks/checkout.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 11, endLine: 7, endColumn: 18 } } }],
    });
    expect(run?.results[1]?.level).toBe('warning');
    expect(run?.results[1]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 8, startColumn: 3, endLine: 8, endColumn: 9 });
  });

  it('lists each rule that appears once, described from the rule catalog or by its id when the catalog lacks it', () => {
    const log = parse(formatSarif(sampleResult([DANGLING, UNREACHABLE, { ...DANGLING, line: 9 }]), OPTIONS));
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(['dangling-target', 'unreachable-node']);
    expect(rules[0]).toMatchObject({ shortDescription: { text: 'A target names no node.' }, help: { text: 'Point it at an existing node id.' } });
    expect(rules[1]).toMatchObject({ shortDescription: { text: 'unreachable-node' }, help: { text: 'unreachable-node' } });
    // ruleIndex points into that list.
    expect(log.runs[0]?.results.map((r) => r.ruleIndex)).toEqual([0, 1, 0]);
  });

  it('percent-encodes URIs, and gives an empty span one character', () => {
    const odd = { ...DANGLING, file: 'run books/a#b.yaml', endColumn: 11 };
    const log = parse(formatSarif({ files: 1, problems: [odd], texts: new Map() }, OPTIONS));
    const location = log.runs[0]?.results[0]?.locations[0]?.physicalLocation;
    expect(location?.artifactLocation.uri).toBe('run%20books/a%23b.yaml');
    expect(location?.region).toEqual({ startLine: 7, startColumn: 11, endLine: 7, endColumn: 12 });
  });

  it('checks against a schema that does reject a malformed log', () => {
    const log = JSON.parse(formatSarif(sampleResult(), OPTIONS)) as SarifLog;
    const region = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.region;
    if (region) region.startLine = 0;
    expect(validate(log)).toBe(false);
  });

  it('is a valid log with no results for a clean run', () => {
    const log = parse(formatSarif(sampleResult([]), OPTIONS));
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[0]?.tool.driver.rules).toEqual([]);
  });
});
