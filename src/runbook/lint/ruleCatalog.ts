import type { Severity } from '../problem.js';

export interface RuleInfo {
  severity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** How to fix what it finds. */
  help: string;
}

const rules = {
  // Emitted by the loader (YAML parsing and the JSON schema).
  'yaml-syntax': { severity: 'error', description: 'The file is not valid YAML.', help: 'Fix the YAML at the position shown; a YAML-aware editor shows the same error.' },
  'yaml-duplicate-key': { severity: 'error', description: 'A map has the same key twice; YAML would silently keep only one.', help: 'Remove or rename one of the two keys.' },
  'yaml-alias-limit': { severity: 'error', description: 'The file uses more YAML aliases than allowed (a guard against alias bombs).', help: 'Write the repeated content out instead of using many `*alias` references.' },
  'yaml-too-deep': { severity: 'error', description: 'The YAML nests deeper than any runbook needs (a guard against hostile input).', help: 'Flatten the structure; runbooks never need deep nesting.' },
  'file-too-large': { severity: 'error', description: 'The file is larger than the size limit for a runbook.', help: 'Split the runbook into smaller ones; a single runbook should stay readable.' },
  'forbidden-key': { severity: 'error', description: 'A key such as `__proto__` or `constructor` that could tamper with objects.', help: 'Rename the key.' },
  'unknown-key': { severity: 'error', description: 'A key the format does not define (runbooks are strict).', help: 'Fix the spelling; the message lists the keys allowed at that place.' },
  schema: { severity: 'error', description: 'The document does not match the runbook (or test file) schema.', help: 'Change the value as the message says; `schemas/*.schema.json` describes every field.' },
  'no-runbooks': { severity: 'error', description: 'A path given to runpath holds no runbook (or does not exist).', help: 'Pass files or folders that contain `*.yaml` runbooks; a check that checks nothing must not pass.' },
  'read-error': { severity: 'error', description: 'A file could not be read.', help: 'Check that the file exists and is readable.' },

  // Lint rules over a runbook that passed the schema.
  'dangling-target': { severity: 'error', description: 'A `start`, `next`, `default`, `on_no_data`, `on_error`, `on_skip` or answer `next` names no node.', help: 'Fix the node id (the message suggests the closest one) or add the missing node under `nodes`.' },
  'unreachable-node': { severity: 'warning', description: 'No path from `start` reaches this node.', help: 'Point a `next`, branch or answer at it, or delete it.' },
  'no-reachable-end': { severity: 'error', description: 'A walk can get to a node from which no `end` node is reachable, so it can never finish.', help: 'Give that part of the tree a way out to an `end` node.' },
  'unbounded-cycle': { severity: 'error', description: 'A cycle in which no node has `max_visits`, so a walk could loop forever.', help: 'Add `max_visits` to one node of the cycle; the walk escalates when it is exceeded.' },
  'check-may-miss': { severity: 'error', description: 'A check without `default` whose branches can all miss, leaving the walk nowhere to go.', help: 'Add `default: <node>`, or add a branch that covers the values the message lists.' },
  'unreachable-default': { severity: 'warning', description: 'A check\'s `default` can never be taken: its branches match every value.', help: 'Remove `default`, or narrow a branch if some values were meant to reach it.' },
  'shadowed-branch': { severity: 'warning', description: 'A branch can never match because earlier branches match every value it does (first match wins).', help: 'Put the stricter condition first, or remove the dead branch.' },
  'undefined-input': { severity: 'error', description: 'A `{{ inputs.NAME }}` placeholder names an input that `inputs` does not declare.', help: 'Declare the input under `inputs:` or fix the name.' },
  'bad-placeholder': { severity: 'error', description: 'A `{{ }}` placeholder runpath does not understand (only `{{ inputs.NAME }}` and `{{ labels.NAME }}` exist).', help: 'Write `{{ inputs.NAME }}` or `{{ labels.NAME }}`, or remove the braces.' },
  'unused-input': { severity: 'warning', description: 'An input no placeholder uses (and with no `label` mapping that would give it another purpose).', help: 'Use it as `{{ inputs.NAME }}` in a query or text, or remove it.' },
  'undeclared-source': { severity: 'error', description: 'A check\'s `source` is not declared under `sources`.', help: 'Declare the source under `sources:` or fix the name.' },
  'unused-source': { severity: 'warning', description: 'A source no check reads.', help: 'Remove it, or point a check at it.' },
  'promql-syntax': { severity: 'error', description: 'A query of a `prometheus` source is not valid PromQL (checked offline with the official grammar).', help: 'Fix the query at the position shown; try it in the Prometheus UI to see its result.' },
  'placeholder-unsafe-context': { severity: 'error', description: 'A placeholder in a PromQL query outside a quoted string (or a range/offset duration), where a value could change the query itself.', help: 'Move the placeholder inside a label matcher\'s quotes, e.g. `{service="{{ inputs.service }}"}`.' },
  'secret-in-runbook': { severity: 'error', description: 'A credential written into the runbook (URL userinfo, Authorization/Bearer, password=, api_key=, token=).', help: 'Remove it and rotate it; reference `${ENV_VAR}` or the server\'s source configuration instead.' },
  'question-duplicate-answer': { severity: 'error', description: 'A question offers two answers with the same label (ignoring case).', help: 'Rename one answer so the person on call can tell them apart, or merge them.' },
  'branch-to-self': { severity: 'warning', description: 'A check leads straight back to itself, re-reading the same metric at once.', help: 'Route through an action (wait, then re-check) or a question instead.' },
  'bad-input-pattern': { severity: 'error', description: 'An input\'s `pattern` is not a valid regular expression (as runpath compiles it: `^(?:pattern)$`, Unicode mode), or its `default` does not match its own pattern.', help: 'Fix the pattern so it compiles, or change the default (or widen the pattern) so the default matches.' },
  'change-without-compare': { severity: 'error', description: 'A branch conditions on `change` in a check without `compare`: there is no baseline, so it can never match.', help: 'Add `compare: { offset: 1d }` (or the offset of a known-good time) to the check, or compare the `value`.' },
  'unused-compare': { severity: 'warning', description: 'A check has `compare` but no branch uses `change`, so its baseline query is fetched for nothing.', help: 'Remove `compare`, or add a branch on `change`.' },
  'duplicate-id': { severity: 'error', description: 'Two runbooks of the catalog share an `id`.', help: 'Rename one of them; ids must be unique across the catalog.' },

  // Emitted only by `runpath test`.
  'runbook-not-found': { severity: 'error', description: 'A test file\'s runbook cannot be found: its `runbook:` id matches no runbook, or (without `runbook:`) there is no sibling `<name>.yaml`/`<name>.yml`.', help: 'Fix `runbook:`, put the runbook beside its test file, or pass the folder that holds it (`runpath test <folder>`).' },
  'runbook-has-errors': { severity: 'error', description: 'The runbook under test has errors, so its tests do not run.', help: 'Fix the runbook\'s errors first; `runpath validate <runbook>` lists them too.' },
  'no-tests': { severity: 'error', description: 'The paths given to `runpath test` hold no `*.test.yaml` file; a test run that tests nothing must not pass.', help: 'Add a test file beside each runbook (e.g. `checkout-5xx.test.yaml` next to `checkout-5xx.yaml`), or pass the folder that holds them.' },
  'no-matching-case': { severity: 'error', description: '`runpath test --run <regex>` matches no test case name.', help: 'Fix the pattern; it is a regular expression matched against case names.' },
} satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof rules;

/** Every rule id runpath's loader, lint and `runpath test` emit, with severity and help (SARIF lists these). */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = rules;

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}
