import type { Runbook } from '../../runbook/types.js';
import { typedEvent } from '../parseIncidentEvent.js';
import type { TimelineEvent } from '../timelineEvent.js';
import { actorLabel } from '../actorLabel.js';
import { branchCondition } from './branchCondition.js';
import { checkValueText } from './checkValueText.js';
import { nodeTitle } from './nodeTitle.js';
import type { PinnedRunbook } from './pinnedRunbooks.js';
import type { StepResult, WalkReport } from './postmortem.js';

function hashOf(data: unknown): string | undefined {
  const hash = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).runbookHash : undefined;
  return typeof hash === 'string' && hash !== '' ? hash : undefined;
}

/** The optional fields a check event carries about how it ran. */
function ranWith(data: { query?: string; source?: string }): { query?: string; source?: string } {
  return { ...(data.query === undefined ? {} : { query: data.query }), ...(data.source === undefined ? {} : { source: data.source }) };
}

interface OpenWalk {
  report: WalkReport;
  runbook?: Runbook;
  ended: boolean;
}

/**
 * The diagnosis path of every walk, in order: each node entered and what was decided there (the
 * value and branch of a check, the answer, the action done or skipped), and how the walk ended.
 * Walk events the fold could not place (no walk, or after its end) are left out, as the fold leaves them.
 * `redacted` lists entries whose typed text (an action's note) must not appear.
 */
export function walkReports(events: readonly TimelineEvent[], pins: ReadonlyMap<string, PinnedRunbook>, redacted: ReadonlySet<number>): WalkReport[] {
  const walks: WalkReport[] = [];
  let walk: OpenWalk | undefined;
  for (const event of events) {
    const typed = typedEvent(event);
    if (!typed) continue;
    const base = { seq: event.seq, at: event.at, actor: actorLabel(event.actor) };
    if (typed.type === 'walk.started') {
      const hash = hashOf(event.data);
      const runbook = hash === undefined ? undefined : pins.get(hash)?.runbook;
      const report: WalkReport = {
        runbookId: typed.data.runbookId,
        runbookTitle: typed.data.runbookTitle,
        ...(hash === undefined ? {} : { runbookHash: hash }),
        ...base,
        inputs: { ...typed.data.inputs },
        steps: [],
      };
      walks.push(report);
      walk = { report, ended: false, ...(runbook?.id === typed.data.runbookId ? { runbook } : {}) };
      continue;
    }
    if (!walk || walk.ended) continue;
    const { report, runbook } = walk;
    let result: StepResult;
    let node: string;
    switch (typed.type) {
      case 'step.entered': {
        const { node, nodeType, visit } = typed.data;
        const title = nodeTitle(runbook, node);
        report.steps.push({ seq: event.seq, at: event.at, node, nodeType, visit, ...(title === undefined ? {} : { title }) });
        continue;
      }
      case 'walk.ended': {
        const { node, outcome, by, handoff } = typed.data;
        report.end = { ...base, node, outcome, by, ...(handoff === undefined || handoff === '' ? {} : { handoff }) };
        walk.ended = true;
        continue;
      }
      case 'check.evaluated': {
        const { value, branch, next } = typed.data;
        node = typed.data.node;
        const spec = runbook?.nodes[node];
        const unit = spec?.type === 'check' ? spec.unit : undefined;
        result = {
          kind: 'check',
          ...base,
          ...ranWith(typed.data),
          value,
          ...(unit === undefined ? {} : { unit }),
          valueText: checkValueText(value, unit),
          branch,
          condition: branchCondition(runbook, node, branch),
          next,
        };
        break;
      }
      case 'check.failed': {
        const { status, reason, next } = typed.data;
        node = typed.data.node;
        result = { kind: 'check_failed', ...base, ...ranWith(typed.data), status, reason, fallback: status === 'no_data' ? 'on_no_data' : 'on_error', next };
        break;
      }
      case 'question.answered': {
        node = typed.data.node;
        const spec = runbook?.nodes[node];
        const question = spec?.type === 'question' ? spec.question : undefined;
        result = { kind: 'answer', ...base, ...(question === undefined ? {} : { question }), answer: typed.data.label, next: typed.data.next };
        break;
      }
      case 'action.completed':
      case 'action.skipped': {
        node = typed.data.node;
        const hidden = redacted.has(event.seq);
        const note = hidden ? undefined : typed.data.note;
        result = {
          kind: 'action',
          ...base,
          done: typed.type === 'action.completed',
          mitigation: typed.type === 'action.completed' && typed.data.mitigation,
          ...(note === undefined || note === '' ? {} : { note }),
          redacted: hidden,
          next: typed.data.next,
        };
        break;
      }
      default:
        continue;
    }
    const step = report.steps.findLast((s) => s.node === node && s.result === undefined);
    if (step) step.result = result;
  }
  return walks;
}
