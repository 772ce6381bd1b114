/**
 * A runbook around one check, `ratio` (its node key on line 7), whose branches and extra keys
 * the test supplies, one YAML line each, indented under the check. Branch i is on line 11 + i.
 */
export function checkRunbook(branches: string[], extra: string[] = []): string {
  return [
    'runpath: 1',
    'id: demo',
    'title: Demo',
    'sources: { prom: { type: prometheus } }',
    'start: ratio',
    'nodes:',
    '  ratio:',
    '    type: check',
    '    source: prom',
    '    query: sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
    '    branches:',
    ...branches.map((b) => `      - { when: ${b}, next: done }`),
    ...extra.map((e) => `    ${e}`),
    '    on_no_data: done',
    '    on_error: done',
    '  done: { type: end, outcome: resolved }',
    '',
  ].join('\n');
}
