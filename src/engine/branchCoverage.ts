import { conditionLabel } from '../runbook/graph/conditionLabel.js';
import type { DocPath } from '../runbook/sourceMap.js';
import type { Runbook } from '../runbook/types.js';
import type { WalkEvent } from './walkEvent.js';

/** One way out of a node: what a test case can take and coverage counts. */
export type Outlet =
  | { kind: 'branch'; index: number }
  | { kind: 'default' }
  | { kind: 'on_no_data' }
  | { kind: 'on_error' }
  | { kind: 'answer'; index: number }
  | { kind: 'done' }
  | { kind: 'skipped' };

/** An outlet a walk took. */
export interface CoverageMark {
  node: string;
  outlet: Outlet;
}

/** An outlet of a runbook, with where it is written and a human description. */
export interface OutletInfo extends CoverageMark {
  target: string;
  /** Where the outlet is written, for file:line:col output. */
  docPath: DocPath;
  /** e.g. `branch 2 of check 'error-rate' (> 0.01 for 10m → dependencies)`. */
  description: string;
}

export interface CoverageReport {
  outlets: number;
  covered: number;
  /** Outlets no case took, in runbook order. */
  uncovered: OutletInfo[];
}

export function outletKey(mark: CoverageMark): string {
  const { outlet } = mark;
  const suffix = 'index' in outlet ? `[${outlet.index}]` : '';
  return `${mark.node}\u0000${outlet.kind}${suffix}`;
}

/** Every outlet of every node, in runbook order. */
export function runbookOutlets(runbook: Runbook): OutletInfo[] {
  const outlets: OutletInfo[] = [];
  for (const [id, node] of Object.entries(runbook.nodes)) {
    const at = (...rest: (string | number)[]): DocPath => ['nodes', id, ...rest];
    switch (node.type) {
      case 'check': {
        const offset = node.compare?.offset;
        node.branches.forEach((branch, index) => {
          const label = branch.label === undefined ? '' : `${branch.label}: `;
          outlets.push({
            node: id,
            outlet: { kind: 'branch', index },
            target: branch.next,
            docPath: at('branches', index),
            description: `branch ${index + 1} of check '${id}' (${label}${conditionLabel(branch.when, offset)} → ${branch.next})`,
          });
        });
        if (node.default !== undefined) {
          outlets.push({ node: id, outlet: { kind: 'default' }, target: node.default, docPath: at('default'), description: `default of check '${id}' (→ ${node.default})` });
        }
        outlets.push({ node: id, outlet: { kind: 'on_no_data' }, target: node.on_no_data, docPath: at('on_no_data'), description: `on_no_data of check '${id}' (→ ${node.on_no_data})` });
        outlets.push({ node: id, outlet: { kind: 'on_error' }, target: node.on_error, docPath: at('on_error'), description: `on_error of check '${id}' (→ ${node.on_error})` });
        break;
      }
      case 'question':
        node.answers.forEach((answer, index) => {
          outlets.push({
            node: id,
            outlet: { kind: 'answer', index },
            target: answer.next,
            docPath: at('answers', index),
            description: `answer '${answer.label}' of question '${id}' (→ ${answer.next})`,
          });
        });
        break;
      case 'action':
        outlets.push({ node: id, outlet: { kind: 'done' }, target: node.next, docPath: at('next'), description: `action '${id}' done (→ ${node.next})` });
        if (node.on_skip !== undefined) {
          outlets.push({ node: id, outlet: { kind: 'skipped' }, target: node.on_skip, docPath: at('on_skip'), description: `action '${id}' skipped (→ ${node.on_skip})` });
        }
        break;
      case 'end':
        break;
    }
  }
  return outlets;
}

/** The outlets a walk took, from its events. A skip without `on_skip` takes the `next` outlet, as done does. */
export function marksFromEvents(runbook: Runbook, events: readonly WalkEvent[]): CoverageMark[] {
  const marks: CoverageMark[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'check.evaluated': {
        const { node, branch } = event.data;
        marks.push({ node, outlet: branch === 'default' ? { kind: 'default' } : { kind: 'branch', index: branch } });
        break;
      }
      case 'check.failed':
        marks.push({ node: event.data.node, outlet: { kind: event.data.status === 'no_data' ? 'on_no_data' : 'on_error' } });
        break;
      case 'question.answered': {
        const { node, label } = event.data;
        const question = Object.hasOwn(runbook.nodes, node) ? runbook.nodes[node] : undefined;
        const index = question?.type === 'question' ? question.answers.findIndex((a) => a.label === label) : -1;
        if (index >= 0) marks.push({ node, outlet: { kind: 'answer', index } });
        break;
      }
      case 'action.completed':
        marks.push({ node: event.data.node, outlet: { kind: 'done' } });
        break;
      case 'action.skipped': {
        const { node } = event.data;
        const action = Object.hasOwn(runbook.nodes, node) ? runbook.nodes[node] : undefined;
        marks.push({ node, outlet: { kind: action?.type === 'action' && action.on_skip !== undefined ? 'skipped' : 'done' } });
        break;
      }
      case 'step.entered':
      case 'walk.ended':
        break;
    }
  }
  return marks;
}

/** Which outlets of a runbook no result took. */
export function coverage(runbook: Runbook, results: readonly { taken: readonly CoverageMark[] }[]): CoverageReport {
  const taken = new Set(results.flatMap((r) => r.taken.map(outletKey)));
  const outlets = runbookOutlets(runbook);
  const uncovered = outlets.filter((o) => !taken.has(outletKey(o)));
  return { outlets: outlets.length, covered: outlets.length - uncovered.length, uncovered };
}
