import { execFileSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { toDot } from '../../../src/runbook/graph/toDot.js';
import { dotViolations } from './dotRules.js';
import { everyEdgeKind, fixtureRunbook, runbookOf, shippedRunbooks } from './sampleRunbooks.js';
import { realPartAvailable } from '../../support/realPart.js';

const hasDot = realPartAvailable('dot', ['-V']);

describe('toDot', () => {
  it('prints the small fixture exactly', () => {
    expect(toDot(fixtureRunbook('small.yaml'))).toBe(`digraph "small" {
  label="Checkout is returning 5xx errors";
  labelloc=t;
  fontname="Helvetica";
  node [fontname="Helvetica", fontsize=11];
  edge [fontname="Helvetica", fontsize=10];
  "__start__" [label="start", shape=circle, style=filled, fillcolor="#202124", fontcolor="#ffffff", fontsize=9];
  "error-rate" [label="How high is the 5xx ratio?", shape=diamond, style=filled, fillcolor="#e8f0fe", color="#1a73e8"];
  "latency" [label="latency", shape=diamond, style=filled, fillcolor="#e8f0fe", color="#1a73e8"];
  "recent-deploy" [label="Was anything deployed in the\\nlast hour?", shape=hexagon, style=filled, fillcolor="#fef7e0", color="#e37400"];
  "ask" [label="The metric is unavailable.\\nWhat does the dashboard show?", shape=hexagon, style=filled, fillcolor="#fef7e0", color="#e37400"];
  "rollback" [label="Roll back the last deploy\\n(mitigation)\\n↻ max 3 visits", shape=box, style="filled,bold", penwidth=3, fillcolor="#ceead6", color="#137333", fontname="Helvetica-Bold"];
  "escalate" [label="escalate\\npage payments-oncall", shape=box, style="rounded,filled", peripheries=2, fillcolor="#fad2cf"];
  "done" [label="Nothing to do\\noutcome: resolved", shape=box, style="rounded,filled", peripheries=2, fillcolor="#ceead6"];
  "__start__" -> "error-rate";
  "error-rate" -> "recent-deploy" [label="> 0.05"];
  "error-rate" -> "latency" [label="≥ 0.01 for 10m"];
  "error-rate" -> "done" [label="default", style=dashed];
  "error-rate" -> "ask" [label="no data / error", style=dashed];
  "latency" -> "escalate" [label="change > +50% vs 1d ago /\\nno data / error"];
  "latency" -> "done" [label="default", style=dashed];
  "recent-deploy" -> "rollback" [label="Yes"];
  "recent-deploy" -> "escalate" [label="No"];
  "ask" -> "recent-deploy" [label="Errors high"];
  "ask" -> "done" [label="Errors normal"];
  "rollback" -> "error-rate";
  "rollback" -> "escalate" [label="skip", style=dashed];
}
`);
  });

  it('follows the structural rules for every shipped runbook', () => {
    const shipped = shippedRunbooks();
    expect(shipped.length).toBeGreaterThan(0);
    for (const rb of shipped) expect(dotViolations(toDot(rb)), rb.id).toEqual([]);
  });

  it('follows the structural rules for the fixtures and every edge kind', () => {
    for (const rb of [fixtureRunbook('small.yaml'), fixtureRunbook('hostile.yaml'), everyEdgeKind]) {
      expect(dotViolations(toDot(rb))).toEqual([]);
    }
  });

  it('draws every edge kind, fallbacks dashed', () => {
    const edges = toDot(everyEdgeKind).split('\n').filter((l) => l.includes(' -> '));
    expect(edges).toEqual([
      '  "__start__" -> "c";',
      '  "c" -> "q" [label="> 1 / error"];',
      '  "c" -> "a" [label="default", style=dashed];',
      '  "c" -> "e" [label="no data", style=dashed];',
      '  "q" -> "a" [label="Because"];',
      '  "a" -> "e";',
      '  "a" -> "c" [label="skip", style=dashed];',
    ]);
  });

  it('escapes hostile titles and labels: quotes, backslashes, entities; line breaks flattened', () => {
    const out = toDot(fixtureRunbook('hostile.yaml'));
    expect(out).toContain('  label="Evil \\"title\\" <script>alert(1)</script> ]} #x; %% end";\n');
    expect(out).toContain('  "end" [label="a\\"]; click end call alert(1)\\n%% second line } ] ) >", shape=diamond');
    expect(out).toContain('  "o-x" [label="What now? <img src=x\\nonerror=alert(1)> \\\\N \\\\\\" #quot;", shape=hexagon');
    expect(out).toContain('  "o_x" [label="Click \\"here\\" \\\\ &amp; <a>", shape=box');
    expect(out).toContain('  "end" -> "o-x" [label="\\"quoted\\" | pipe ]) `tick` &amp;\\n<b>bold</b> (> 1)"];\n');
  });

  it('does not let the start marker collide with a node named like it', () => {
    const rb = runbookOf({ __start__: { type: 'end', outcome: 'resolved' } });
    const out = toDot(rb);
    expect(out).toContain('  "__start___2" -> "__start__";\n');
    expect(dotViolations(out)).toEqual([]);
  });

  it('declares a missing target so every edge still has both ends', () => {
    const out = toDot(runbookOf({ a: { type: 'action', title: 'Do', instructions: 'x', next: 'gone' } }));
    expect(out).toContain('  "gone" [label="gone\\n(no such node)", shape=box, style="filled,dashed"');
    expect(dotViolations(out)).toEqual([]);
  });

  it('dotViolations catches an unbalanced quote and an undeclared node', () => {
    expect(dotViolations('digraph "x" {\n  "a" [label="b"c"];\n  "a" -> "z";\n}\n')).toEqual([
      'not a statement:   "a" [label="b"c"];',
      'edge "a" -> "z" uses undeclared node "a"',
      'edge "a" -> "z" uses undeclared node "z"',
    ]);
  });

  it.runIf(hasDot)('is accepted by Graphviz: dot -Tsvg renders the fixtures', () => {
    for (const rb of [fixtureRunbook('small.yaml'), fixtureRunbook('hostile.yaml'), everyEdgeKind]) {
      const svg = execFileSync('dot', ['-Tsvg'], { input: toDot(rb), encoding: 'utf8' });
      expect(svg).toContain('<svg');
      expect(svg).not.toContain('<script');
    }
  });

  it.skipIf(hasDot)('SKIPPED: Graphviz `dot` is not installed, so dot -Tsvg acceptance is not checked here', () => {
    expect(hasDot).toBe(false);
  });
});
