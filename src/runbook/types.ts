// The runbook model, as described by schemas/runbook.schema.json (format version 1).
// Objects of these types come out of loadRunbook() only after the schema check passed,
// so code downstream may rely on required fields being present.

export const FORMAT_VERSION = 1;

export type ComparisonOp = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'ne';
export type RangeOp = 'between' | 'outside';
export type ConditionOp = ComparisonOp | RangeOp;

/**
 * A condition on a check's value. Exactly one of `value` (the observed number) or `change`
 * (relative change vs the `compare` baseline: 0.5 = 50% above) is set. For `between`/`outside`
 * it is a closed range `[low, high]`; otherwise a single number.
 * `for` (a Prometheus duration such as `10m`) asks that every sample of that window satisfies it.
 */
export interface Condition {
  op: ConditionOp;
  value?: number | [number, number];
  change?: number | [number, number];
  for?: string;
}

/** How several series in one result combine before (any/all) or into (max…) the comparison. */
export type SeriesReduce = 'any' | 'all' | 'max' | 'min' | 'avg' | 'sum';

export interface Branch {
  when: Condition;
  next: string;
  /** Optional human label shown in the UI and graphs, e.g. "error ratio above 5%". */
  label?: string;
}

interface NodeBase {
  title?: string;
  description?: string;
  /** How many times a walk may enter this node; required on every node of a cycle. */
  max_visits?: number;
}

export interface CheckNode extends NodeBase {
  type: 'check';
  source: string;
  query: string;
  unit?: string;
  reduce?: SeriesReduce;
  compare?: { offset: string };
  branches: Branch[];
  default?: string;
  on_no_data: string;
  on_error: string;
}

export interface Answer {
  label: string;
  next: string;
  description?: string;
}

export interface QuestionNode extends NodeBase {
  type: 'question';
  question: string;
  answers: Answer[];
}

export interface Link {
  title: string;
  url: string;
}

export interface ActionNode extends NodeBase {
  type: 'action';
  title: string;
  instructions: string;
  /** Marks time-to-mitigate on the timeline when completed. */
  mitigation?: boolean;
  links?: Link[];
  next: string;
  /** Where a skipped action leads; defaults to `next`. */
  on_skip?: string;
}

export type Outcome = 'resolved' | 'mitigated' | 'escalate' | 'false_alarm' | 'monitoring';

export interface EndNode extends NodeBase {
  type: 'end';
  outcome: Outcome;
  /** Who to page next (a team or rotation name). */
  handoff?: string;
  summary?: string;
}

export type RunbookNode = CheckNode | QuestionNode | ActionNode | EndNode;
export type NodeType = RunbookNode['type'];

export interface InputSpec {
  description?: string;
  default?: string;
  /** A regular expression the value must match (anchored), checked when a walk starts. */
  pattern?: string;
  /** Alert label that fills this input when the walk starts from an alert; defaults to the input's name. */
  label?: string;
}

export type SourceType = 'prometheus' | 'fixture' | 'manual';

export interface SourceSpec {
  type: SourceType;
  description?: string;
  /** Base URL, usually `${ENV_VAR}`; credentials never belong here (see the secret-in-runbook rule). */
  url?: string;
}

export interface AlertMatch {
  labels: Record<string, string>;
}

export interface Runbook {
  runpath: 1;
  id: string;
  title: string;
  summary?: string;
  owners?: string[];
  tags?: string[];
  match?: AlertMatch[];
  inputs?: Record<string, InputSpec>;
  sources: Record<string, SourceSpec>;
  start: string;
  nodes: Record<string, RunbookNode>;
}
