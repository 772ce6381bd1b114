import { readdirSync, readFileSync } from 'node:fs';
import { loadRunbook } from '../../../src/runbook/loadRunbook.js';
import type { Runbook, RunbookNode } from '../../../src/runbook/types.js';

const FIXTURES = new URL('../../fixtures/graph/', import.meta.url);
const SHIPPED = new URL('../../../runbooks/', import.meta.url);

/** Loads a runbook fixture through the real loader, failing loudly if it does not pass the schema. */
export function fixtureRunbook(name: string): Runbook {
  const file = new URL(name, FIXTURES);
  const loaded = loadRunbook(readFileSync(file, 'utf8'), name);
  if (!loaded.value) throw new Error(`fixture ${name} does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.value;
}

/** A hand-built runbook around the given nodes. */
export function runbookOf(nodes: Record<string, RunbookNode>, start = Object.keys(nodes)[0] ?? 'a', title = 'T'): Runbook {
  return { runpath: 1, id: 'rb', title, sources: { prom: { type: 'prometheus' } }, start, nodes };
}

/** One node of every type, with every kind of edge: branch, default, no_data, error, answer, next, skip. */
export const everyEdgeKind: Runbook = runbookOf({
  c: {
    type: 'check',
    source: 'prom',
    query: 'up',
    branches: [{ when: { op: 'gt', value: 1 }, next: 'q' }],
    default: 'a',
    on_no_data: 'e',
    on_error: 'q',
  },
  q: { type: 'question', question: 'Why?', answers: [{ label: 'Because', next: 'a' }] },
  a: { type: 'action', title: 'Do it', instructions: 'x', next: 'e', on_skip: 'c', max_visits: 2 },
  e: { type: 'end', outcome: 'resolved' },
});

/** The shipped runbooks in runbooks/ that pass the schema (their own tests cover the rest). */
export function shippedRunbooks(): Runbook[] {
  return readdirSync(SHIPPED)
    .filter((f) => /\.ya?ml$/.test(f) && !/\.test\.ya?ml$/.test(f))
    .flatMap((f) => loadRunbook(readFileSync(new URL(f, SHIPPED), 'utf8'), f).value ?? []);
}
