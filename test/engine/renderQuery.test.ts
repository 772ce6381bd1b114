import { describe, expect, it } from 'vitest';
import { escapePromqlString, renderQuery, renderText } from '../../src/engine/renderQuery.js';
import { WalkError } from '../../src/engine/walkError.js';
import { lexPromql } from '../../src/runbook/lint/promqlTokens.js';
import { promqlSyntaxErrors } from '../../src/runbook/promqlSyntax.js';

/** Reads a PromQL string literal back as Prometheus does (Go escapes), independently of the renderer. */
function unquote(literal: string): string {
  const quote = literal[0];
  if ((quote !== '"' && quote !== "'") || literal.at(-1) !== quote) throw new Error(`not a quoted string: ${literal}`);
  const body = literal.slice(1, -1);
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', [quote]: quote };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === quote || c === '\n') throw new Error(`unescaped ${JSON.stringify(c)} at ${i} in ${literal}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    if (simple[e] !== undefined) {
      out += simple[e];
    } else if (e === 'u') {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else {
      throw new Error(`unknown escape \\${e} in ${literal}`);
    }
  }
  return out;
}

/** Every string literal of a query, read back. */
function stringValues(query: string): string[] {
  return lexPromql(query).tokens.filter((t) => t.kind === 'string').map((t) => unquote(t.text));
}

function templateError(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof WalkError && err.code === 'template_error') return err.message;
    throw err;
  }
  throw new Error('expected a template_error');
}

const HOSTILE = [
  '"}',
  '"} or vector(1) #',
  '"}) or vector(1) or sum(x{a="',
  '\\',
  '\\"',
  '\\\\"} or vector(1)',
  'a\nb',
  'line\r\nbreak\ttab',
  "it's",
  '\u0000\u0001\u001b[31m\u007f\u0085',
  '\u2028\u2029',
  'ünïcödé 日本語 🚨',
  '{{ inputs.other }}',
  '`',
  '',
  'x'.repeat(100_000),
];

describe('renderQuery in double-quoted strings', () => {
  it('renders inputs and labels into label matchers', () => {
    const q = renderQuery('sum(rate(http_requests_total{service="{{ inputs.service }}",zone="{{labels.zone}}"}[5m]))', {
      inputs: { service: 'checkout' },
      labels: { zone: 'eu-1' },
    });
    expect(q).toBe('sum(rate(http_requests_total{service="checkout",zone="eu-1"}[5m]))');
  });

  it.each(HOSTILE.map((v) => [v.length > 40 ? `${v.slice(0, 10)}… (${v.length} chars)` : JSON.stringify(v), v]))(
    'keeps %s as data: the query parses and the matcher value reads back exactly',
    (_name, value) => {
      const q = renderQuery('up{job="{{ inputs.v }}"} > 0', { inputs: { v: value }, labels: {} });
      expect(promqlSyntaxErrors(q)).toEqual([]);
      expect(stringValues(q)).toEqual([value]);
      expect(q.startsWith('up{job="')).toBe(true);
      expect(q.endsWith('"} > 0')).toBe(true);
      expect(q).not.toContain('\n');
    },
  );

  it('escapes values the way JSON reads them back, too', () => {
    for (const value of HOSTILE) {
      expect(JSON.parse(`"${escapePromqlString(value, '"')}"`)).toBe(value);
    }
  });

  it('renders several placeholders in one string, with text around them', () => {
    const q = renderQuery('x{path=~"/{{ inputs.a }}/.*{{ inputs.b }}"}', { inputs: { a: '"}', b: '\\' }, labels: {} });
    expect(stringValues(q)).toEqual(['/"}/.*\\']);
    expect(promqlSyntaxErrors(q)).toEqual([]);
  });

  it('renders a value that looks like a placeholder literally, once', () => {
    const q = renderQuery('x{a="{{ inputs.a }}",b="{{ inputs.b }}"}', { inputs: { a: '{{ inputs.b }}', b: 'B' }, labels: {} });
    expect(stringValues(q)).toEqual(['{{ inputs.b }}', 'B']);
  });

  it('renders a 100,000-character value in linear time', () => {
    const value = '"}\\'.repeat(33_333);
    const started = performance.now();
    const q = renderQuery('x{a="{{ inputs.v }}"}', { inputs: { v: value }, labels: {} });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(stringValues(q)).toEqual([value]);
  });
});

describe('renderQuery in single-quoted and backtick strings', () => {
  it.each(HOSTILE.filter((v) => v.length < 1000).map((v) => [JSON.stringify(v), v]))('keeps %s as data in single quotes', (_name, value) => {
    const q = renderQuery("up{job='{{ inputs.v }}'}", { inputs: { v: value }, labels: {} });
    expect(promqlSyntaxErrors(q)).toEqual([]);
    expect(stringValues(q)).toEqual([value]);
  });

  it('does not escape double quotes inside single quotes', () => {
    expect(renderQuery("up{job='{{ inputs.v }}'}", { inputs: { v: 'a"b' }, labels: {} })).toBe("up{job='a\"b'}");
  });

  it('puts values verbatim into backtick strings and refuses a value with a backtick', () => {
    expect(renderQuery('up{job=`{{ inputs.v }}`}', { inputs: { v: 'a"b\\' }, labels: {} })).toBe('up{job=`a"b\\`}');
    const message = templateError(() => renderQuery('up{job=`{{ inputs.v }}`}', { inputs: { v: 'a`} or vector(1) #' }, labels: {} }));
    expect(message).toContain('backtick');
    expect(message).toContain('{{ inputs.v }}');
  });
});

describe('renderQuery in durations', () => {
  it('accepts durations in ranges, subqueries and after offset', () => {
    const inputs = { w: '5m', r: '1h30m', s: '30s', ago: '1w' };
    const q = renderQuery('rate(x[{{ inputs.w }}]) + max_over_time(y[{{ inputs.r }}:{{ inputs.s }}]) - z offset {{ inputs.ago }}', { inputs, labels: {} });
    expect(q).toBe('rate(x[5m]) + max_over_time(y[1h30m:30s]) - z offset 1w');
    expect(promqlSyntaxErrors(q)).toEqual([]);
  });

  it('accepts a number completed by the unit written after the placeholder', () => {
    expect(renderQuery('rate(x[{{ inputs.n }}m])', { inputs: { n: '5' }, labels: {} })).toBe('rate(x[5m])');
  });

  it.each(['5m] or vector(1) #', '5 m', '', '5', 'm', '5mm', '30s1m', '-5m', '5m)', '1e3s'])('refuses %j as a duration', (value) => {
    for (const query of ['rate(x[{{ inputs.w }}])', 'x offset {{ inputs.w }}']) {
      const message = templateError(() => renderQuery(query, { inputs: { w: value }, labels: {} }));
      expect(message).toContain('`{{ inputs.w }}`');
      expect(message).toMatch(/duration such as 5m/);
    }
  });
});

describe('renderQuery refusals', () => {
  it('refuses a placeholder outside any string, whatever the value', () => {
    const message = templateError(() => renderQuery('x > {{ inputs.t }}', { inputs: { t: '5' }, labels: {} }));
    expect(message).toContain("`{{ inputs.t }}` (input 't' is \"5\") sits outside a quoted string");
  });

  it('refuses a placeholder in a comment', () => {
    expect(templateError(() => renderQuery('x # {{ inputs.t }}', { inputs: { t: 'a' }, labels: {} }))).toContain('comment');
  });

  it('names a missing input and a missing label, with the flag that gives them', () => {
    expect(templateError(() => renderQuery('x{a="{{ inputs.svc }}"}', { inputs: {}, labels: {} }))).toBe(
      "the query uses input 'svc', which the walk has no value for; start the walk with it (runpath walk: --input svc=…) or declare it with a default",
    );
    expect(templateError(() => renderQuery('x{a="{{ labels.zone }}"}', { inputs: {}, labels: { other: 'x' } }))).toContain(
      "alert label 'zone', which the walk has no value for",
    );
  });

  it('does not read inherited properties as values', () => {
    expect(templateError(() => renderQuery('x{a="{{ inputs.constructor }}"}', { inputs: {}, labels: {} }))).toContain("input 'constructor'");
  });

  it('refuses unknown and unclosed placeholders', () => {
    expect(templateError(() => renderQuery('x{a="{{ env.HOME }}"}', { inputs: {}, labels: {} }))).toContain('`{{ env.HOME }}` is not a placeholder');
    expect(templateError(() => renderQuery('x{a="{{ inputs.a"}', { inputs: { a: 'b' }, labels: {} }))).toContain('never closed');
  });

  it('refuses a lone surrogate, which could not be sent', () => {
    expect(templateError(() => renderQuery('x{a="{{ inputs.a }}"}', { inputs: { a: 'x\uD800' }, labels: {} }))).toContain('lone surrogate');
  });

  it('returns a query without placeholders unchanged', () => {
    expect(renderQuery('up{a="{b}"}', { inputs: {}, labels: {} })).toBe('up{a="{b}"}');
  });
});

describe('renderText', () => {
  it('substitutes values verbatim, for display', () => {
    expect(renderText('Restart {{ inputs.service }} in {{labels.zone}}: "x"', { inputs: { service: 'a"b' }, labels: { zone: 'eu\n1' } })).toBe(
      'Restart a"b in eu\n1: "x"',
    );
  });

  it('leaves placeholders it has no value for as written', () => {
    expect(renderText('{{ inputs.x }} / {{ labels.y }} / {{ nope }} / {{', { inputs: {}, labels: {} })).toBe('{{ inputs.x }} / {{ labels.y }} / {{ nope }} / {{');
  });
});
