import { didYouMean } from '../../runbook/closestMatch.js';
import type { NodeType, Runbook } from '../../runbook/types.js';
import { UsageError } from '../cliIo.js';
import type { WalkFlags } from './walkFlags.js';

const A_NODE: Record<NodeType, string> = { check: 'a check', question: 'a question', action: 'an action', end: 'an end node' };

const quoted = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.map((s) => `'${s}'`).join(', '));

function nodesOfType(runbook: Runbook, type: NodeType): string[] {
  return Object.entries(runbook.nodes).flatMap(([id, node]) => (node.type === type ? [id] : []));
}

function requireNode(runbook: Runbook, flag: string, id: string, type: 'question' | 'action'): void {
  const node = Object.hasOwn(runbook.nodes, id) ? runbook.nodes[id] : undefined;
  const ofType = nodesOfType(runbook, type);
  if (!node) throw new UsageError(`--${flag} ${id}=…: runbook '${runbook.id}' has no node '${id}'${didYouMean(id, ofType)}; its ${type}s are ${quoted(ofType)}`);
  if (node.type !== type) throw new UsageError(`--${flag} ${id}=…: '${id}' is ${A_NODE[node.type]}, not ${A_NODE[type]}; its ${type}s are ${quoted(ofType)}`);
}

/** Names in the flags must exist in the runbook: a typo should not silently fall back to a default. */
export function checkWalkFlags(flags: WalkFlags, runbook: Runbook): void {
  const declared = Object.keys(runbook.inputs ?? {});
  for (const name of Object.keys(flags.inputs)) {
    if (!declared.includes(name)) {
      throw new UsageError(`--input ${name}=…: runbook '${runbook.id}' has no input '${name}'${didYouMean(name, declared)}; its inputs are ${quoted(declared)}`);
    }
  }
  const sources = Object.keys(runbook.sources);
  for (const name of Object.keys(flags.sources)) {
    const spec = Object.hasOwn(runbook.sources, name) ? runbook.sources[name] : undefined;
    if (!spec) throw new UsageError(`--source ${name}=…: runbook '${runbook.id}' has no source '${name}'${didYouMean(name, sources)}; its sources are ${quoted(sources)}`);
    if (spec.type !== 'prometheus') throw new UsageError(`--source ${name}=…: source '${name}' is a ${spec.type} source; --source sets the URL of prometheus sources only`);
  }
  for (const [id, label] of flags.answers) {
    requireNode(runbook, 'answer', id, 'question');
    const node = runbook.nodes[id];
    const labels = node?.type === 'question' ? node.answers.map((a) => a.label) : [];
    if (!labels.includes(label)) throw new UsageError(`--answer ${id}=${label}: '${label}' is not an answer of question '${id}'${didYouMean(label, labels)}; use one of ${quoted(labels)}`);
  }
  for (const [id] of flags.actions) requireNode(runbook, 'action', id, 'action');
}
