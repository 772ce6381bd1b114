import { describe, it, expect } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatJunit } from '../../../src/cli/format/formatJunit.js';
import { CHECKOUT, DANGLING, UNREACHABLE, sampleResult } from './sampleResult.js';

interface Case { '@_name': string; '@_classname': string; '@_file': string; failure?: { '@_type': string; '@_message': string; '#text': string }; 'system-out'?: string }
interface Suite { '@_name': string; '@_tests': string; '@_failures': string; testcase: Case[] }
interface Report { testsuites: { '@_tests': string; '@_failures': string; testsuite: Suite[] } }

function parse(xml: string): Report {
  // Deprecated in favour of fast-xml-validator, which is not a dependency; it still validates well-formedness.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' });
  return parser.parse(xml) as Report;
}

describe('formatJunit', () => {
  it('is valid XML with a testsuite per file, a testcase per problem and a passing testcase per clean file', () => {
    const report = parse(formatJunit(sampleResult(), { failOn: 'error' }));
    expect(report.testsuites['@_tests']).toBe('3');
    expect(report.testsuites['@_failures']).toBe('1');
    const [checkout, clean] = report.testsuites.testsuite;
    expect(checkout?.['@_name']).toBe(CHECKOUT);
    expect(checkout?.['@_tests']).toBe('2');
    expect(checkout?.['@_failures']).toBe('1');
    expect(checkout?.testcase.map((c) => c['@_name'])).toEqual(['dangling-target at 7:11', 'unreachable-node at 8:3']);
    expect(checkout?.testcase[0]?.['@_classname']).toBe('runbooks/checkout');
    expect(checkout?.testcase[0]?.failure?.['@_type']).toBe('dangling-target');
    expect(checkout?.testcase[0]?.failure?.['@_message']).toBe(DANGLING.message);
    expect(checkout?.testcase[0]?.failure?.['#text']).toContain('runbooks/checkout.yaml:7:11: error:');
    // Under the default --fail-on error a warning passes, with the problem kept in system-out.
    expect(checkout?.testcase[1]?.failure).toBeUndefined();
    expect(checkout?.testcase[1]?.['system-out']).toContain('[unreachable-node]');
    expect(clean?.['@_name']).toBe('runbooks/clean.yaml');
    expect(clean?.['@_failures']).toBe('0');
    expect(clean?.testcase.map((c) => c['@_name'])).toEqual(['no problems']);
  });

  it('makes warnings failures under --fail-on warning', () => {
    const report = parse(formatJunit(sampleResult(), { failOn: 'warning' }));
    expect(report.testsuites['@_failures']).toBe('2');
    expect(report.testsuites.testsuite[0]?.testcase[1]?.failure?.['@_type']).toBe('unreachable-node');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    const nasty = { ...UNREACHABLE, severity: 'error' as const, file: 'a&b<c>.yaml', message: 'key "<x>" & \'y\' \u0001 ]]> bad\nnext line' };
    const xml = formatJunit({ files: 1, problems: [nasty], texts: new Map([['a&b<c>.yaml', '\u0000<oops>']]) }, { failOn: 'error' });
    const report = parse(xml);
    const suite = report.testsuites.testsuite[0];
    expect(suite?.['@_name']).toBe('a&b<c>.yaml');
    expect(xml).not.toContain('\u0001');
    expect(xml).not.toContain('\u0000');
    expect(xml).toContain('message="key &quot;&lt;x&gt;&quot; &amp; &apos;y&apos; \uFFFD ]]&gt; bad&#10;next line"');
  });

  it('is a valid, empty report when nothing was checked', () => {
    const report = parse(formatJunit({ files: 0, problems: [], texts: new Map() }, { failOn: 'error' }));
    expect(report.testsuites['@_tests']).toBe('0');
  });
});
