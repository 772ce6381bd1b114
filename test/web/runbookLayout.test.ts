import { describe, expect, it } from 'vitest';
import type { Runbook, RunbookNode } from '../../src/runbook/types.js';
import { arrowHead, smoothPath } from '../../src/web/runbook/edgeGeometry.js';
import { cachedRunbookLayout, neighbourInDirection, pathSteps, runbookLayout, type LayoutNode } from '../../src/web/runbook/runbookLayout.js';

/** The README's checkout-5xx runbook: a check, a question, a mitigation with a loop back, an end. */
const checkout: Runbook = {
  runpath: 1,
  id: 'checkout-5xx',
  title: 'Checkout is returning 5xx errors',
  sources: { prom: { type: 'prometheus', url: '${PROMETHEUS_URL}' } },
  start: 'error-rate',
  nodes: {
    'error-rate': {
      type: 'check', source: 'prom', query: 'sum(rate(x[5m]))', title: 'How many requests fail with 5xx?',
      branches: [{ when: { op: 'gt', value: 0.05 }, next: 'recent-deploy', label: 'error ratio above 5%' }],
      default: 'resolved', on_no_data: 'resolved', on_error: 'resolved',
    },
    'recent-deploy': {
      type: 'question', question: 'Was anything deployed to checkout in the last hour?',
      answers: [{ label: 'Yes', next: 'rollback' }, { label: 'No', next: 'resolved' }],
    },
    rollback: { type: 'action', mitigation: true, title: 'Roll back the last deploy', instructions: 'Roll back.', next: 'error-rate', max_visits: 2 },
    resolved: { type: 'end', outcome: 'resolved' },
  },
};

/** A runbook of `n` nodes: checks in a chain, each also branching to a question, questions to actions, to ends. */
function bigRunbook(n: number): Runbook {
  const nodes: Record<string, RunbookNode> = {};
  const count = Math.floor(n / 4);
  for (let i = 0; i < count; i++) {
    const next = i + 1 < count ? `check-${i + 1}` : 'end-final';
    nodes[`check-${i}`] = {
      type: 'check', source: 'prom', query: `metric_${i}`, title: `Is metric number ${i} above its threshold for long?`,
      branches: [{ when: { op: 'gt', value: i }, next: `question-${i}` }], default: next, on_no_data: next, on_error: `question-${i}`,
    };
    nodes[`question-${i}`] = { type: 'question', question: `Question ${i}?`, answers: [{ label: 'Yes', next: `action-${i}` }, { label: 'No', next }] };
    nodes[`action-${i}`] = { type: 'action', title: `Do thing ${i}`, instructions: 'Do it.', mitigation: i % 2 === 0, next: `end-${i}` };
    nodes[`end-${i}`] = { type: 'end', outcome: i % 2 === 0 ? 'mitigated' : 'escalate' };
  }
  nodes['end-final'] = { type: 'end', outcome: 'false_alarm' };
  return { runpath: 1, id: 'big', title: 'Big', sources: { prom: { type: 'prometheus' } }, start: 'check-0', nodes };
}

function overlaps(a: LayoutNode, b: LayoutNode): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

describe('runbookLayout', () => {
  it('places every node inside the drawing, top to bottom from the start, without overlaps', () => {
    const layout = runbookLayout(checkout);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(['error-rate', 'recent-deploy', 'resolved', 'rollback']);
    for (const node of layout.nodes) {
      expect(node.x - node.width / 2).toBeGreaterThanOrEqual(0);
      expect(node.y - node.height / 2).toBeGreaterThanOrEqual(0);
      expect(node.x + node.width / 2).toBeLessThanOrEqual(layout.width);
      expect(node.y + node.height / 2).toBeLessThanOrEqual(layout.height);
    }
    for (const a of layout.nodes) for (const b of layout.nodes) if (a !== b) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    const y = (id: string): number => layout.nodes.find((n) => n.id === id)?.y ?? NaN;
    expect(y('error-rate')).toBeLessThan(y('recent-deploy'));
    expect(y('recent-deploy')).toBeLessThan(y('rollback'));
  });

  it('says the type in words, marks mitigations and gives ends their outcome', () => {
    const byId = new Map(runbookLayout(checkout).nodes.map((n) => [n.id, n]));
    expect(byId.get('error-rate')).toMatchObject({ type: 'check', typeLabel: 'check', title: 'How many requests fail with 5xx?', mitigation: false });
    expect(byId.get('recent-deploy')).toMatchObject({ type: 'question', title: 'Was anything deployed to checkout in the last hour?' });
    expect(byId.get('rollback')).toMatchObject({ type: 'action', typeLabel: 'action · mitigation', mitigation: true });
    expect(byId.get('resolved')).toMatchObject({ type: 'end', typeLabel: 'end · resolved', outcome: 'resolved' });
    // The question's title wraps onto three lines at most, none longer than 24 characters.
    const lines = byId.get('recent-deploy')?.titleLines ?? [];
    expect(lines).toEqual(['Was anything deployed to', 'checkout in the last', 'hour?']);
    const long = runbookLayout({ ...checkout, nodes: { ...checkout.nodes, rollback: { type: 'action', title: 'word '.repeat(40), instructions: 'x', next: 'resolved' } } });
    const cut = long.nodes.find((n) => n.id === 'rollback')?.titleLines ?? [];
    expect(cut.length).toBe(3);
    expect(cut[2]?.endsWith('…')).toBe(true);
    for (const line of cut) expect(line.length).toBeLessThanOrEqual(24);
  });

  it('labels every outlet, joins the outlets to one target into one edge, and routes each edge between its boxes', () => {
    const layout = runbookLayout(checkout);
    expect(layout.edges.map((e) => `${e.from}>${e.to}:${e.label}`)).toEqual([
      'error-rate>recent-deploy:> 0.05',
      'error-rate>resolved:default / no data / error',
      'recent-deploy>rollback:Yes',
      'recent-deploy>resolved:No',
      'rollback>error-rate:next',
    ]);
    expect(layout.edges[0]?.fullLabel).toBe('> 0.05 (error ratio above 5%)');
    expect(layout.edges[1]?.kinds).toEqual(['default', 'no_data', 'error']);
    expect(new Set(layout.edges.map((e) => e.key)).size).toBe(layout.edges.length);
    const nodes = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const edge of layout.edges) {
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
      const first = edge.points[0];
      const last = edge.points[edge.points.length - 1];
      const from = nodes.get(edge.from);
      const to = nodes.get(edge.to);
      if (!first || !last || !from || !to) throw new Error('missing point or node');
      // dagre ends edges on the box borders: within the box grown by a pixel.
      expect(Math.abs(first.x - from.x)).toBeLessThanOrEqual(from.width / 2 + 1);
      expect(Math.abs(first.y - from.y)).toBeLessThanOrEqual(from.height / 2 + 1);
      expect(Math.abs(last.x - to.x)).toBeLessThanOrEqual(to.width / 2 + 1);
      expect(Math.abs(last.y - to.y)).toBeLessThanOrEqual(to.height / 2 + 1);
    }
  });

  it('draws a target that names no node as a missing box instead of failing', () => {
    const broken: Runbook = { ...checkout, nodes: { ...checkout.nodes, rollback: { type: 'action', title: 'Roll back', instructions: 'x', next: 'error-rat' } } };
    const layout = runbookLayout(broken);
    expect(layout.nodes.find((n) => n.id === 'error-rat')).toMatchObject({ type: 'missing', typeLabel: 'missing' });
    expect(layout.edges.some((e) => e.from === 'rollback' && e.to === 'error-rat')).toBe(true);
  });

  it('shortens long edge labels, more so in compact mode, and leaves titles out of compact boxes', () => {
    const long: Runbook = {
      ...checkout,
      nodes: { ...checkout.nodes, 'recent-deploy': { type: 'question', question: 'Q?', answers: [{ label: "Running, but no reachable sources (Reach 0, '^?')", next: 'rollback' }] } },
    };
    const full = runbookLayout(long).edges.find((e) => e.kind === 'answer');
    const compact = runbookLayout(long, { compact: true });
    const small = compact.edges.find((e) => e.kind === 'answer');
    expect(full?.label.length).toBeLessThanOrEqual(26);
    expect(full?.label.endsWith('…')).toBe(true);
    expect(small?.label.length).toBeLessThanOrEqual(14);
    expect(small?.fullLabel).toBe("Running, but no reachable sources (Reach 0, '^?')");
    expect(compact.nodes.every((n) => n.titleLines.length === 0)).toBe(true);
    expect(compact.nodes.find((n) => n.id === 'rollback')?.height).toBeLessThan(runbookLayout(long).nodes.find((n) => n.id === 'rollback')?.height ?? 0);
  });

  it('lays out a 30-node runbook fast, and only once per runbook and mode', () => {
    const big = bigRunbook(30);
    expect(Object.keys(big.nodes).length).toBeGreaterThanOrEqual(29);
    const started = performance.now();
    const layout = cachedRunbookLayout(big);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(500);
    for (const a of layout.nodes) for (const b of layout.nodes) if (a !== b) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    expect(cachedRunbookLayout(big)).toBe(layout);
    expect(cachedRunbookLayout(big, { compact: true })).not.toBe(layout);
    expect(cachedRunbookLayout(big, { compact: true })).toBe(cachedRunbookLayout(big, { compact: true }));
  });
});

describe('pathSteps', () => {
  it('gives each consecutive pair of the path, loops included', () => {
    expect([...pathSteps(['error-rate', 'recent-deploy', 'rollback', 'error-rate', 'resolved'])]).toEqual([
      'error-rate>recent-deploy', 'recent-deploy>rollback', 'rollback>error-rate', 'error-rate>resolved',
    ]);
    expect(pathSteps(['only']).size).toBe(0);
  });
});

describe('neighbourInDirection', () => {
  const node = (id: string, x: number, y: number): LayoutNode => ({ id, x, y, width: 100, height: 40, type: 'check', typeLabel: 'check', title: '', titleLines: [], mitigation: false });
  const nodes = [node('top', 200, 20), node('left', 80, 120), node('right', 320, 120), node('far-below', 200, 400)];
  it('moves to the nearest node in the direction of the arrow', () => {
    expect(neighbourInDirection(nodes, 'top', 'down')).toBe('left');
    expect(neighbourInDirection(nodes, 'left', 'right')).toBe('right');
    expect(neighbourInDirection(nodes, 'right', 'left')).toBe('left');
    expect(neighbourInDirection(nodes, 'left', 'up')).toBe('top');
    expect(neighbourInDirection(nodes, 'far-below', 'down')).toBeUndefined();
    expect(neighbourInDirection(nodes, 'nope', 'down')).toBeUndefined();
  });
});

describe('edge geometry', () => {
  it('draws straight segments as lines and rounds inner corners, passing by every point', () => {
    expect(smoothPath([{ x: 0, y: 0 }, { x: 0, y: 10 }])).toBe('M0,0L0,10');
    // The corner at (0,40): the line stops 10 before it, curves round it, and goes on to the end.
    expect(smoothPath([{ x: 0, y: 0 }, { x: 0, y: 40 }, { x: 30, y: 40 }])).toBe('M0,0L0,30Q0,40 10,40L30,40');
    // A short segment: the corner is cut at most half of it.
    expect(smoothPath([{ x: 0, y: 0 }, { x: 0, y: 8 }, { x: 30, y: 8 }])).toBe('M0,0L0,4Q0,8 10,8L30,8');
    expect(smoothPath([])).toBe('');
  });
  it('points the arrow head along the last segment', () => {
    // Going down: the tip is the end point, the two back corners above it, either side.
    const [tip, a, b] = arrowHead({ x: 0, y: 0 }, { x: 0, y: 10 }).split(' ').map((p) => p.split(',').map(Number));
    expect(tip).toEqual([0, 10]);
    expect(a?.[1]).toBeLessThan(10);
    expect(b?.[1]).toBeLessThan(10);
    expect(Math.sign(a?.[0] ?? 0)).toBe(-Math.sign(b?.[0] ?? 0));
  });
});
