import { describe, expect, it } from 'vitest';
import { coverage, marksFromEvents, outletKey, runbookOutlets } from '../../src/engine/branchCoverage.js';
import type { WalkEvent } from '../../src/engine/walkEvent.js';
import type { Runbook } from '../../src/runbook/types.js';
import { checkout } from '../fixtures/engine/runbooks.js';

describe('runbookOutlets', () => {
  it('lists every outlet of every node with where it is written', () => {
    const outlets = runbookOutlets(checkout);
    expect(outlets.map((o) => [o.node, outletKey(o).split('\u0000')[1], o.target])).toEqual([
      ['error-rate', 'branch[0]', 'recent-deploy'],
      ['error-rate', 'branch[1]', 'dependencies'],
      ['error-rate', 'default', 'resolved'],
      ['error-rate', 'on_no_data', 'ask-dashboard'],
      ['error-rate', 'on_error', 'ask-dashboard'],
      ['recent-deploy', 'answer[0]', 'rollback'],
      ['recent-deploy', 'answer[1]', 'dependencies'],
      ['rollback', 'done', 'error-rate'],
      ['rollback', 'skipped', 'dependencies'],
      ['ask-dashboard', 'answer[0]', 'recent-deploy'],
      ['ask-dashboard', 'answer[1]', 'resolved'],
    ]);
    expect(outlets[1]).toMatchObject({
      docPath: ['nodes', 'error-rate', 'branches', 1],
      description: "branch 2 of check 'error-rate' (> 0.01 for 10m → dependencies)",
    });
    expect(outlets[2]).toMatchObject({ docPath: ['nodes', 'error-rate', 'default'], description: "default of check 'error-rate' (→ resolved)" });
    expect(outlets[5]).toMatchObject({ docPath: ['nodes', 'recent-deploy', 'answers', 0], description: "answer 'Yes' of question 'recent-deploy' (→ rollback)" });
    expect(outlets[8]).toMatchObject({ docPath: ['nodes', 'rollback', 'on_skip'], description: "action 'rollback' skipped (→ dependencies)" });
  });

  it('has no default outlet without default, and no skipped outlet without on_skip', () => {
    const bare: Runbook = structuredClone(checkout);
    const check = bare.nodes['error-rate'];
    const action = bare.nodes.rollback;
    if (check?.type !== 'check' || action?.type !== 'action') throw new Error('fixture changed');
    delete check.default;
    delete action.on_skip;
    const kinds = runbookOutlets(bare).map((o) => o.outlet.kind);
    expect(kinds).not.toContain('default');
    expect(kinds).not.toContain('skipped');
    expect(kinds).toHaveLength(9);
  });

  it('names a branch by its label when it has one', () => {
    const labelled: Runbook = structuredClone(checkout);
    const check = labelled.nodes['error-rate'];
    if (check?.type !== 'check' || !check.branches[0]) throw new Error('fixture changed');
    check.branches[0].label = 'error ratio above 5%';
    expect(runbookOutlets(labelled)[0]?.description).toBe("branch 1 of check 'error-rate' (error ratio above 5%: > 0.05 → recent-deploy)");
  });
});

describe('marksFromEvents', () => {
  it('maps each decision event to the outlet it took', () => {
    const events: WalkEvent[] = [
      { type: 'step.entered', data: { node: 'error-rate', nodeType: 'check', visit: 1 } },
      { type: 'check.evaluated', data: { node: 'error-rate', value: 1, series: [], branch: 0, next: 'recent-deploy', reduce: 'any' } },
      { type: 'check.evaluated', data: { node: 'error-rate', value: 0, series: [], branch: 'default', next: 'resolved', reduce: 'any' } },
      { type: 'check.failed', data: { node: 'error-rate', status: 'no_data', reason: '', next: 'ask-dashboard' } },
      { type: 'check.failed', data: { node: 'error-rate', status: 'timeout', reason: '', next: 'ask-dashboard' } },
      { type: 'question.answered', data: { node: 'recent-deploy', label: 'No', next: 'dependencies' } },
      { type: 'action.completed', data: { node: 'rollback', next: 'error-rate', mitigation: true } },
      { type: 'action.skipped', data: { node: 'rollback', next: 'dependencies' } },
      { type: 'walk.ended', data: { node: 'dependencies', outcome: 'escalate', by: 'end' } },
    ];
    expect(marksFromEvents(checkout, events)).toEqual([
      { node: 'error-rate', outlet: { kind: 'branch', index: 0 } },
      { node: 'error-rate', outlet: { kind: 'default' } },
      { node: 'error-rate', outlet: { kind: 'on_no_data' } },
      { node: 'error-rate', outlet: { kind: 'on_error' } },
      { node: 'recent-deploy', outlet: { kind: 'answer', index: 1 } },
      { node: 'rollback', outlet: { kind: 'done' } },
      { node: 'rollback', outlet: { kind: 'skipped' } },
    ]);
  });

  it('counts a skip without on_skip as the next outlet', () => {
    const noSkip: Runbook = structuredClone(checkout);
    const action = noSkip.nodes.rollback;
    if (action?.type !== 'action') throw new Error('fixture changed');
    delete action.on_skip;
    expect(marksFromEvents(noSkip, [{ type: 'action.skipped', data: { node: 'rollback', next: 'error-rate' } }])).toEqual([
      { node: 'rollback', outlet: { kind: 'done' } },
    ]);
  });
});

describe('coverage', () => {
  it('lists the outlets no result took', () => {
    const report = coverage(checkout, [
      { taken: [{ node: 'error-rate', outlet: { kind: 'branch', index: 0 } }, { node: 'recent-deploy', outlet: { kind: 'answer', index: 1 } }] },
      { taken: [{ node: 'error-rate', outlet: { kind: 'branch', index: 0 } }, { node: 'error-rate', outlet: { kind: 'default' } }] },
    ]);
    expect(report.outlets).toBe(11);
    expect(report.covered).toBe(3);
    expect(report.uncovered.map((o) => o.description)).toContain("branch 2 of check 'error-rate' (> 0.01 for 10m → dependencies)");
    expect(report.uncovered.map((o) => o.description)).not.toContain("default of check 'error-rate' (→ resolved)");
    expect(report.uncovered).toHaveLength(8);
  });

  it('is complete with no outlets missing when every outlet was taken', () => {
    const all = runbookOutlets(checkout).map(({ node, outlet }) => ({ node, outlet }));
    expect(coverage(checkout, [{ taken: all }])).toEqual({ outlets: 11, covered: 11, uncovered: [] });
  });
});
