import { renderText } from '../engine/renderQuery.js';
import { startWalk, step } from '../engine/walk.js';
import { WalkError } from '../engine/walkError.js';
import type { WalkTransition } from '../engine/walkEvent.js';
import type { WalkInput } from '../engine/walkInput.js';
import type { WalkState } from '../engine/walkState.js';
import { createSources } from '../metrics/createSources.js';
import type { ManualReader, ManualReading } from '../metrics/manual/manualSource.js';
import type { SteppedEvent } from '../metrics/stepCheck.js';
import { nonCheckEvents, stepCheck } from '../metrics/stepCheck.js';
import type { Problem } from '../runbook/problem.js';
import type { ActionNode, QuestionNode, Runbook } from '../runbook/types.js';
import type { CliIo } from './cliIo.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './cliIo.js';
import { ansi } from './format/ansi.js';
import { shouldUseColor } from './format/shouldUseColor.js';
import { terminalSafe } from './format/terminalSafe.js';
import { checkWalkFlags } from './walk/checkWalkFlags.js';
import { readWalkScenario } from './walk/readWalkScenario.js';
import type { FoundScenario } from './walk/readWalkScenario.js';
import { loadOneRunbook, problemLine } from './loadOneRunbook.js';
import type { Prompt, TerminalPrompt } from './walk/terminalPrompt.js';
import { terminalPrompt } from './walk/terminalPrompt.js';
import type { ActionReply, WalkFlags } from './walk/walkFlags.js';
import { DEFAULT_MAX_STEPS, parseWalkFlags } from './walk/walkFlags.js';
import type { WalkTextContext } from './walk/walkText.js';
import { answerList, describeWalkEvent } from './walk/walkText.js';

const HELP = `usage: runpath walk <runbook-file-or-id> [options]

Walks a runbook against live metrics from the terminal, printing each step, the query and the
values it returned, the series that matched and the branch taken. Checks that fail (Prometheus
down, slow, a bad query, no data) follow the node's on_error / on_no_data, as they will in an
incident. Questions are asked when run in a terminal, or answered with --answer.

options:
      --runbooks <dir>            folder to look a runbook id up in (default: runbooks)
  -i, --input <name=value>        a runbook input (repeatable); default: the input's default
  -l, --label <name=value>        an alert label for {{ labels.NAME }} (repeatable); also fills
                                  inputs whose label: (or name) it is
  -s, --source <name=url>         base URL of a prometheus source (repeatable); wins over
                                  RUNPATH_SOURCE_<NAME>_URL and the runbook's url
      --scenario <file>           answer every check from a fixture scenario (no Prometheus)
      --at <time>                 evaluation time: RFC 3339 or unix seconds (default: now, read
                                  when each check runs)
  -a, --answer <node=label>       answer a question (repeatable; repeat a node for its later
                                  visits, the last answer repeats)
      --action <node=done|skipped>  result of an action (default: done; asked in a terminal)
  -f, --format <text|json>        text (default) or json: one event per line
      --max-steps <n>             stop after n steps (default: ${DEFAULT_MAX_STEPS})
  -h, --help                      show this help

Credentials come from the environment only: RUNPATH_SOURCE_<NAME>_BEARER_TOKEN, or
RUNPATH_SOURCE_<NAME>_USERNAME and _PASSWORD (NAME: the source name upper-cased, - as _).

examples:
  runpath walk checkout-5xx --source prom=http://localhost:9090
  runpath walk checkout-5xx --scenario demo/scenarios/checkout-5xx.scenario.yaml --answer recent-deploy=Yes
  runpath walk runbooks/zone-partition.yaml --at 2024-05-01T12:00:00Z --format json

exit status: 0 the walk reached an end, 1 it stopped (a question without an answer, a runbook
with errors, input ended), 2 usage error.
`;

/** Things the command takes from the process, injectable so tests drive it. */
export interface WalkDeps {
  /** Asks one line; default: a readline prompt on stdin (only when io.interactive). */
  prompt?: Prompt;
  /** Wall clock in ms since the epoch: the evaluation time when --at is absent. */
  now?: () => number;
  /** Monotonic ms, to time queries. */
  clock?: () => number;
}

type FoundScenarioFile = Exclude<FoundScenario, { problems: Problem[] }>;

/** How many unusable replies a prompt takes before the walk stops. */
const MAX_ATTEMPTS = 5;

/** A walk that cannot go on; the message says what to add. */
class WalkStopped extends Error {
  override readonly name = 'WalkStopped';

  /** Set when input ended at a prompt, whose line the cursor is still on. */
  constructor(
    message: string,
    readonly atPrompt = false,
  ) {
    super(message);
  }
}


/** `node=label` as a shell argument, quoted when it needs to be. */
function shellArg(text: string): string {
  return /^[A-Za-z0-9_.:=/-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** JSON lines: NaN and ±Inf as Prometheus spells them, since JSON has no such numbers. */
function jsonLine(event: SteppedEvent): string {
  return `${JSON.stringify(event, (_key, value: unknown) => {
    if (typeof value !== 'number' || Number.isFinite(value)) return value;
    return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  })}\n`;
}

/** Inputs not given fill from the alert label they name (`label:`, default: the input's own name), as when a walk starts from an alert. */
function inputsWithLabels(runbook: Runbook, flags: WalkFlags): Record<string, string> {
  const inputs = { ...flags.inputs };
  for (const [name, spec] of Object.entries(runbook.inputs ?? {})) {
    const label = spec.label ?? name;
    if (!Object.hasOwn(inputs, name) && Object.hasOwn(flags.labels, label)) inputs[name] = flags.labels[label] ?? '';
  }
  return inputs;
}

/** The reply for the n-th visit (1-based) of a node; the last given repeats. */
function replyFor<T>(given: readonly [string, T][], node: string, visit: number): T | undefined {
  const list = given.filter(([id]) => id === node).map(([, v]) => v);
  return list[Math.min(visit, list.length) - 1];
}

class Walker {
  private readonly paint;
  private readonly text: WalkTextContext;
  private terminal: TerminalPrompt | undefined;
  /** Why the last prompt got no reply; the walk stops when set. */
  private unanswered: { why: string; atPrompt: boolean } | undefined;

  constructor(
    private readonly runbook: Runbook,
    private readonly flags: WalkFlags,
    private readonly io: CliIo,
    private readonly deps: WalkDeps,
    inputs: Record<string, string>,
    private readonly scenario: FoundScenarioFile | undefined,
  ) {
    this.paint = ansi(flags.format === 'text' && shouldUseColor(io));
    this.text = { runbook, values: { inputs, labels: flags.labels }, paint: this.paint };
  }

  /** Context for a prompt: on stdout in text mode, on stderr when stdout carries JSON. */
  private say(lines: string[]): void {
    if (lines.length > 0) (this.flags.format === 'json' ? this.io.stderr : this.io.stdout)(`${lines.join('\n')}\n`);
  }

  emit(events: SteppedEvent[]): void {
    for (const event of events) {
      if (this.flags.format === 'json') this.io.stdout(jsonLine(event));
      else this.say(describeWalkEvent(event, this.text));
    }
  }

  private async ask(text: string): Promise<string | null> {
    if (this.deps.prompt) return this.deps.prompt(text);
    this.terminal ??= terminalPrompt(this.flags.format === 'json' ? process.stderr : process.stdout);
    return this.terminal.ask(text);
  }

  close(): void {
    this.terminal?.close();
  }

  /** Asks until `parse` accepts a reply; null (and `unanswered` says why) when input ended or no reply was usable. */
  private async askUntil<T>(text: string, parse: (reply: string) => T | undefined, hint: string): Promise<T | null> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const reply = await this.ask(text);
      if (reply === null) {
        this.unanswered = { why: 'input ended', atPrompt: true };
        return null;
      }
      const parsed = parse(reply.trim());
      if (parsed !== undefined) return parsed;
      this.say([`    ${hint}`]);
    }
    this.unanswered = { why: `no usable reply in ${MAX_ATTEMPTS} tries`, atPrompt: false };
    return null;
  }

  private stop(what: string): WalkStopped {
    const { why, atPrompt } = this.unanswered ?? { why: 'input ended', atPrompt: false };
    return new WalkStopped(`${what}; ${why}`, atPrompt);
  }

  async answer(id: string, node: QuestionNode, visit: number): Promise<WalkInput> {
    const given = replyFor(this.flags.answers, id, visit);
    if (given !== undefined) return { kind: 'answer', label: given };
    const labels = node.answers.map((a) => a.label);
    if (!this.io.interactive) {
      const flags = labels.map((l) => `--answer ${shellArg(`${id}=${l}`)}`).join(' or ');
      throw new WalkStopped(`question '${id}' needs an answer and there is no terminal to ask; add ${flags}`);
    }
    if (this.flags.format === 'json') this.say([terminalSafe(renderText(node.question, this.text.values), true), ...answerList(node, this.paint)]);
    const pick = (reply: string): string | undefined => {
      const n = /^[0-9]+$/.test(reply) ? Number(reply) : 0;
      return labels[n - 1] ?? labels.find((l) => l.toLowerCase() === reply.toLowerCase());
    };
    const label = await this.askUntil(`    answer (1-${labels.length}): `, pick, `type a number from 1 to ${labels.length}, or an answer as written`);
    if (label === null) throw this.stop(`no answer for question '${id}'`);
    return { kind: 'answer', label };
  }

  async act(id: string, node: ActionNode, visit: number): Promise<WalkInput> {
    const given = replyFor(this.flags.actions, id, visit);
    if (given !== undefined) return { kind: 'action', result: given };
    if (!this.io.interactive) return { kind: 'action', result: 'done' };
    if (this.flags.format === 'json') this.say([`${id}: ${terminalSafe(renderText(node.title, this.text.values))}`]);
    const pick = (reply: string): ActionReply | undefined => {
      const r = reply.toLowerCase();
      if (r === '' || r === 'd' || r === 'done') return 'done';
      if (r === 's' || r === 'skip' || r === 'skipped') return 'skipped';
      return undefined;
    };
    const result = await this.askUntil('    done or skip? [D/s]: ', pick, 'type d (done, the default) or s (skip)');
    if (result === null) throw this.stop(`no result for action '${id}'`);
    return { kind: 'action', result };
  }

  /** Reads a manual source's value on the terminal; a walk whose input ended stops after it. */
  readonly readManual: ManualReader = async (request) => {
    this.say([`    read by hand (${request.node.source}): ${terminalSafe(request.query, true)}`]);
    const pick = (reply: string): ManualReading | undefined => {
      const r = reply.toLowerCase();
      if (r === 'no data' || r === 'no_data' || r === 'none') return 'no_data';
      if (r === 'error' || r === 'unavailable') return 'error';
      const n = r === '' ? Number.NaN : Number(r.replace(/^\+?inf$/, 'Infinity').replace(/^-inf$/, '-Infinity'));
      return Number.isNaN(n) && r !== 'nan' ? undefined : n;
    };
    const value = await this.askUntil('    value: ', pick, "type a number, 'no data' or 'error'");
    if (value === null) throw new Error(this.unanswered?.why ?? 'input ended');
    return value;
  };

  private stepped(state: WalkState, input: WalkInput): { state: WalkState; events: SteppedEvent[] } {
    const next = step(this.runbook, state, input);
    return { state: next.state, events: nonCheckEvents(next.events) };
  }

  async run(start: WalkState): Promise<number> {
    const sources = createSources(this.runbook, {
      overrides: this.flags.sources,
      env: this.io.env,
      ...(this.scenario ? { fixture: this.scenario.scenario, fixtureFile: this.scenario.file } : {}),
      ...(this.io.interactive ? { manual: this.readManual } : {}),
    });
    const now = this.deps.now ?? Date.now;
    const clock = this.deps.clock ?? (() => performance.now());
    let state = start;
    let steps = 0;
    while (state.current !== null) {
      const id = state.current;
      const node = Object.hasOwn(this.runbook.nodes, id) ? this.runbook.nodes[id] : undefined;
      if (!node) throw new WalkStopped(`the walk is at '${id}', which is not a node of the runbook`);
      if (steps >= this.flags.maxSteps) throw new WalkStopped(`stopped after ${steps} steps at '${id}' (--max-steps ${this.flags.maxSteps})`);
      const visit = state.visits[id] ?? 1;
      let next: { state: WalkState; events: SteppedEvent[] };
      switch (node.type) {
        case 'check': {
          if (sources.get(node.source)?.type === 'manual' && !this.io.interactive) {
            throw new WalkStopped(`check '${id}' reads manual source '${node.source}', whose value a person types; run in a terminal, or pass --scenario`);
          }
          next = await stepCheck({ runbook: this.runbook, state, sources, at: this.flags.at ?? now() / 1000, labels: this.flags.labels, clock });
          if (this.unanswered) throw this.stop(`no value for check '${id}'`);
          break;
        }
        case 'question':
          next = this.stepped(state, await this.answer(id, node, visit));
          break;
        case 'action':
          next = this.stepped(state, await this.act(id, node, visit));
          break;
        case 'end':
          throw new WalkStopped(`the walk waits at end node '${id}', which should not happen; report this as a runpath bug`);
      }
      this.emit(next.events);
      state = next.state;
      steps++;
    }
    return EXIT_OK;
  }
}

function header(runbook: Runbook, file: string, flags: WalkFlags, inputs: Record<string, string>, scenario: string | undefined): string {
  const pairs = (r: Record<string, string>): string => Object.entries(r).map(([k, v]) => `${k}=${v}`).join(', ');
  const lines = [`walk ${runbook.id}: ${runbook.title} (${file})`];
  if (Object.keys(inputs).length > 0) lines.push(`  inputs: ${pairs(inputs)}`);
  if (Object.keys(flags.labels).length > 0) lines.push(`  labels: ${pairs(flags.labels)}`);
  lines.push(`  time: ${flags.at === undefined ? 'now, read when each check runs' : `${new Date(flags.at * 1000).toISOString()} (${flags.at})`}`);
  if (scenario !== undefined) lines.push(`  metrics: scenario ${scenario}`);
  return terminalSafe(lines.join('\n'), true) + '\n';
}

/** `runpath walk`: walk one runbook from the terminal. Exit 0 at an end, 1 when stopped, 2 on usage. */
export async function walkCommand(args: string[], io: CliIo, deps: WalkDeps = {}): Promise<number> {
  const flags = parseWalkFlags(args);
  if (flags === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const found = await loadOneRunbook(flags.target, flags.runbooks, io.cwd, 'walked');
  if (!('runbook' in found)) {
    for (const p of found.problems) io.stderr(problemLine(p));
    if (found.error !== undefined) io.stderr(`runpath walk: ${found.error}\n`);
    return EXIT_PROBLEMS;
  }
  const { runbook, file } = found;
  checkWalkFlags(flags, runbook);

  let scenario: FoundScenarioFile | undefined;
  if (flags.scenario !== undefined) {
    const read = await readWalkScenario(flags.scenario, runbook, io.cwd);
    if ('problems' in read) {
      for (const p of read.problems) io.stderr(problemLine(p));
      io.stderr(`runpath walk: the scenario ${flags.scenario} cannot feed runbook '${runbook.id}'; fix the problems above\n`);
      return EXIT_PROBLEMS;
    }
    scenario = read;
  }

  let started: WalkTransition;
  try {
    started = startWalk(runbook, inputsWithLabels(runbook, flags));
  } catch (err) {
    if (err instanceof WalkError) throw new UsageError(`${err.message} (--input name=value)`);
    throw err;
  }

  if (flags.format === 'text') io.stdout(header(runbook, file, flags, started.state.inputs, flags.scenario));
  const walker = new Walker(runbook, flags, io, deps, started.state.inputs, scenario);
  try {
    walker.emit(nonCheckEvents(started.events));
    return await walker.run(started.state);
  } catch (err) {
    if (!(err instanceof WalkStopped || err instanceof WalkError)) throw err;
    io.stderr(`${err instanceof WalkStopped && err.atPrompt && deps.prompt === undefined ? '\n' : ''}runpath walk: ${err.message}\n`);
    return EXIT_PROBLEMS;
  } finally {
    walker.close();
  }
}
