import { describe, it, expect } from 'vitest';
import { promqlSyntaxErrors } from '../../src/runbook/promqlSyntax.js';

/** The first error as `text at the error: message`. */
function first(query: string): string {
  const e = promqlSyntaxErrors(query)[0];
  return e === undefined ? 'ok' : `${query.slice(e.start, e.end)}|${e.message}`;
}

describe('promqlSyntaxErrors', () => {
  it.each([
    'sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
    'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
    "node_timex_offset_seconds{instance='a'} offset 1h",
    'max_over_time(x[10m:1m])',
    '# a comment\nup == 0',
    'x{a=~`raw`}',
  ])('accepts %s', (q) => {
    expect(promqlSyntaxErrors(q)).toEqual([]);
  });

  it.each([
    ['sum(rate(x[5m])', '(|this `(` is never closed; add the matching `)`'],
    ['rate(x[5m) + 1', ')|expected `]` to close `rate(x[`, found `)`'],
    ['x)', ')|unexpected `)`: no `(` is open here; remove it or add the opening `(`'],
    ['x{a="b}', '"|this " starts a string that is never closed; add the closing "'],
    ['sum(x) /', '/|expected an expression after `/`, found the end of the query'],
    ['x > > 1', '>|expected an expression after `>`, found `>`'],
    ['x{a=}', '}|expected a quoted label value after `=` (such as `"api"`), found `}`'],
    ['x offset', 'offset|expected a duration after `offset` (such as `offset 1h`), found the end of the query'],
    ['sum by le (x)', 'le|expected a label list in parentheses after `by` (such as `by (job)`), found `le`'],
    ['rat(x[5m])', 'rat|`rat` is not a PromQL function; did you mean `rate`?'],
    ['x[5x]', '5x|`5x` is not a valid duration: use a number and a unit (ms, s, m, h, d, w or y), such as `5m` or `1h30m`'],
    ['sum(rate(x[5m]) by (code))', "by|unexpected `by`: a grouping clause goes right before or after an aggregation's parentheses, as in `sum by (code) (…)` or `sum(…) by (code)`"],
    ['histogram_quantile(0.99 sum(x))', 'sum|unexpected `sum` after `0.99`: an operator or `,` is missing between them'],
  ])('reports %s', (q, expected) => {
    expect(first(q)).toBe(expected);
  });

  it('returns offsets into the query', () => {
    expect(promqlSyntaxErrors('up +\n  * 2')).toEqual([{ start: 7, end: 8, message: 'expected an expression after `+`, found `*`' }]);
  });
});
