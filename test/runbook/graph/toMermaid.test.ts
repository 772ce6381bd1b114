import { describe, it, expect } from 'vitest';
import { toMermaid } from '../../../src/runbook/graph/toMermaid.js';
import { mermaidViolations } from './mermaidRules.js';
import { everyEdgeKind, fixtureRunbook, runbookOf, shippedRunbooks } from './sampleRunbooks.js';

describe('toMermaid', () => {
  it('prints the small fixture exactly', () => {
    expect(toMermaid(fixtureRunbook('small.yaml'))).toBe(`---
title: "Checkout is returning 5xx errors"
---
flowchart TD
  classDef rp_start fill:#202124,stroke:#202124,color:#ffffff
  classDef rp_check fill:#e8f0fe,stroke:#1a73e8
  classDef rp_question fill:#fef7e0,stroke:#e37400
  classDef rp_mitigation fill:#ceead6,stroke:#137333,stroke-width:3px,font-weight:bold
  classDef rp_end_escalate fill:#fad2cf,stroke:#c5221f
  classDef rp_end_resolved fill:#ceead6,stroke:#137333
  runbook_start(("start")):::rp_start
  n_error_rate{"How high is the 5xx ratio?"}:::rp_check
  n_latency{"latency"}:::rp_check
  n_recent_deploy{{"Was anything deployed in the<br>last hour?"}}:::rp_question
  n_ask{{"The metric is unavailable.<br>What does the dashboard show?"}}:::rp_question
  n_rollback["Roll back the last deploy<br>(mitigation)<br>↻ max 3 visits"]:::rp_mitigation
  n_escalate(["escalate<br>page payments-oncall"]):::rp_end_escalate
  n_done(["Nothing to do<br>outcome: resolved"]):::rp_end_resolved
  runbook_start --> n_error_rate
  n_error_rate -->|"#gt; 0.05"| n_recent_deploy
  n_error_rate -->|"≥ 0.01 for 10m"| n_latency
  n_error_rate -.->|"default"| n_done
  n_error_rate -.->|"no data / error"| n_ask
  n_latency -->|"change #gt; +50#37; vs 1d ago /<br>no data / error"| n_escalate
  n_latency -.->|"default"| n_done
  n_recent_deploy -->|"Yes"| n_rollback
  n_recent_deploy -->|"No"| n_escalate
  n_ask -->|"Errors high"| n_recent_deploy
  n_ask -->|"Errors normal"| n_done
  n_rollback --> n_error_rate
  n_rollback -.->|"skip"| n_escalate
`);
  });

  it('follows the structural rules for every shipped runbook', () => {
    const shipped = shippedRunbooks();
    expect(shipped.length).toBeGreaterThan(0);
    for (const rb of shipped) expect(mermaidViolations(toMermaid(rb)), rb.id).toEqual([]);
  });

  it('follows the structural rules for the fixtures and every edge kind', () => {
    for (const rb of [fixtureRunbook('small.yaml'), fixtureRunbook('hostile.yaml'), everyEdgeKind]) {
      expect(mermaidViolations(toMermaid(rb))).toEqual([]);
    }
  });

  it('draws every edge kind: solid for branch, answer, next; dashed for default, no data, error, skip', () => {
    const rb = runbookOf({
      c: { type: 'check', source: 'prom', query: 'up', branches: [{ when: { op: 'lt', value: 1 }, next: 'q' }], default: 'a', on_no_data: 'e', on_error: 'x' },
      q: { type: 'question', question: 'Why?', answers: [{ label: 'Because', next: 'a' }] },
      a: { type: 'action', title: 'Do it', instructions: 'x', next: 'e', on_skip: 'x' },
      e: { type: 'end', outcome: 'resolved' },
      x: { type: 'end', outcome: 'escalate' },
    });
    const edges = toMermaid(rb).split('\n').filter((l) => l.includes('->'));
    expect(edges).toEqual([
      '  runbook_start --> n_c',
      '  n_c -->|"#lt; 1"| n_q',
      '  n_c -.->|"default"| n_a',
      '  n_c -.->|"no data"| n_e',
      '  n_c -.->|"error"| n_x',
      '  n_q -->|"Because"| n_a',
      '  n_a --> n_e',
      '  n_a -.->|"skip"| n_x',
    ]);
  });

  it('uses shapes by node type: rhombus, hexagon, rectangle, stadium, and marks mitigations', () => {
    const out = toMermaid(everyEdgeKind);
    expect(out).toContain('  n_c{"c"}:::rp_check\n');
    expect(out).toContain('  n_q{{"Why?"}}:::rp_question\n');
    expect(out).toContain('  n_a["Do it<br>↻ max 2 visits"]:::rp_action\n');
    expect(out).toContain('  n_e(["e<br>outcome: resolved"]):::rp_end_resolved\n');
    const mitigation = runbookOf({ a: { type: 'action', title: 'Fix', instructions: 'x', mitigation: true, next: 'e' }, e: { type: 'end', outcome: 'mitigated' } });
    expect(toMermaid(mitigation)).toContain('  n_a["Fix<br>(mitigation)"]:::rp_mitigation\n');
    expect(toMermaid(mitigation)).toMatch(/classDef rp_mitigation .*stroke-width:3px,font-weight:bold/);
  });

  it('keeps hostile titles and labels inside their quotes', () => {
    const out = toMermaid(fixtureRunbook('hostile.yaml'));
    expect(out).toContain('title: "Evil \\"title\\" <script>alert(1)</script> ]} #x; %% end"\n');
    expect(out).toContain('  n_end{"a#quot;]; click end call alert(1)<br>#37;#37; second line } ] ) #gt;"}:::rp_check\n');
    expect(out).toContain('  n_end -->|"#quot;quoted#quot; #124; pipe ]) #96;tick#96; #amp;<br>#lt;b#gt;bold#lt;/b#gt; (#gt; 1)"| n_o_x\n');
    expect(out).toContain('  n_o_x -->|"#quot;}}#lt;br#gt;"| n_x_o\n');
    const labels = out.split('\n').slice(3).flatMap((l) => [...l.matchAll(/"([^"]*)"/gu)].map((m) => m[1] ?? ''));
    expect(labels.length).toBe(9);
    // Only our own <br> may be markup; author text has no raw <, >, & or quotes left.
    for (const label of labels) expect(label.replaceAll('<br>', '')).not.toMatch(/[<>&"]/u);
  });

  it('maps ids that collide once made safe to distinct ids, and avoids Mermaid keywords', () => {
    const out = toMermaid(fixtureRunbook('hostile.yaml'));
    expect(out).toContain('  n_o_x{{');
    expect(out).toContain('  n_o_x_2["Click');
    expect(out).toContain('  runbook_start --> n_end\n');
  });

  it('declares a missing target so every edge still has both ends', () => {
    const rb = runbookOf({ a: { type: 'action', title: 'Do', instructions: 'x', next: 'gone' } });
    const out = toMermaid(rb);
    expect(out).toContain('  n_gone["gone<br>(no such node)"]:::rp_missing\n');
    expect(mermaidViolations(out)).toEqual([]);
  });
});

describe('mermaidViolations (the rules above)', () => {
  it('catches a raw quote in a label, an undeclared id and a second flowchart', () => {
    const bad = 'flowchart TD\n  classDef c x:y\n  n_a["say "hi""]:::c\n  n_b["ok"]:::c\n  n_b --> n_z\nflowchart TD\n';
    expect(mermaidViolations(bad)).toEqual([
      'expected one "flowchart TD" after the front matter',
      'not a node, edge or classDef:   n_a["say "hi""]:::c',
      'not a node, edge or classDef: flowchart TD',
      'edge n_b -> n_z uses undeclared id n_z',
    ]);
  });
});
