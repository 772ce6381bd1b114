import { UsageError } from '../cliIo.js';
import { parseCliArgs } from '../parseCliArgs.js';

export type WalkFormat = 'text' | 'json';
export type ActionReply = 'done' | 'skipped';

/** `name=value` pairs in the order given (a name may repeat where that means "next visit"). */
export type Pairs = [name: string, value: string][];

export interface WalkFlags {
  target: string;
  runbooks: string;
  inputs: Record<string, string>;
  labels: Record<string, string>;
  sources: Record<string, string>;
  answers: Pairs;
  actions: [node: string, result: ActionReply][];
  scenario?: string;
  /** Evaluation time in unix seconds; absent: each check reads the clock when it runs. */
  at?: number;
  format: WalkFormat;
  maxSteps: number;
}

/** Enough for any runbook the engine accepts (its paths stop at 1000 nodes). */
export const DEFAULT_MAX_STEPS = 1000;

const UNIX_SECONDS = /^[0-9]{1,12}(\.[0-9]+)?$/;
const RFC3339 = /^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$/;

/** `--at`: RFC 3339 (2024-05-01T12:00:00Z) or unix seconds, as unix seconds. */
export function parseAt(text: string): number {
  if (UNIX_SECONDS.test(text)) return Number(text);
  const ms = RFC3339.test(text) ? Date.parse(text.toUpperCase().replace(' ', 'T')) : Number.NaN;
  // Date.parse rolls 2024-02-31 over to March; a date that does not exist is a typo.
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const exists = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0)).getUTCDate() === day;
  if (Number.isNaN(ms) || !exists) {
    throw new UsageError(`--at '${text}' is not a time; give RFC 3339 with a zone (2024-05-01T12:00:00Z, 2024-05-01T14:00:00+02:00) or unix seconds (1714564800)`);
  }
  return ms / 1000;
}

function pairs(flag: string, given: readonly string[] | undefined, example: string): Pairs {
  return (given ?? []).map((text) => {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${flag} '${text}' is not name=value; write it like --${flag} ${example}`);
    return [text.slice(0, eq), text.slice(eq + 1)];
  });
}

function uniquePairs(flag: string, given: readonly string[] | undefined, example: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of pairs(flag, given, example)) {
    if (Object.hasOwn(out, name)) throw new UsageError(`--${flag} ${name}=… is given twice; give each name once`);
    out[name] = value;
  }
  return out;
}

function actionResult(node: string, text: string): ActionReply {
  if (text === 'done') return 'done';
  if (text === 'skipped' || text === 'skip') return 'skipped';
  throw new UsageError(`--action ${node}=${text}: the result must be done or skipped`);
}

/** Parses `runpath walk` arguments (syntax only; names are checked against the runbook later). */
export function parseWalkFlags(args: string[]): WalkFlags | 'help' {
  const { values, positionals } = parseCliArgs(args, {
    runbooks: { type: 'string' },
    input: { type: 'string', short: 'i', multiple: true },
    label: { type: 'string', short: 'l', multiple: true },
    source: { type: 'string', short: 's', multiple: true },
    scenario: { type: 'string' },
    at: { type: 'string' },
    answer: { type: 'string', short: 'a', multiple: true },
    action: { type: 'string', multiple: true },
    format: { type: 'string', short: 'f', default: 'text' },
    'max-steps': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return 'help';
  const [target, ...extra] = positionals;
  if (target === undefined) throw new UsageError('missing the runbook: pass a runbook file or id, e.g. runpath walk checkout-5xx');
  if (extra.length > 0) throw new UsageError(`expected one runbook, got ${positionals.length}: ${positionals.join(' ')}`);
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}'; use --format text or --format json`);
  let maxSteps = DEFAULT_MAX_STEPS;
  if (values['max-steps'] !== undefined) {
    maxSteps = /^[0-9]{1,6}$/.test(values['max-steps']) ? Number(values['max-steps']) : 0;
    if (maxSteps < 1) throw new UsageError(`--max-steps '${values['max-steps']}' must be a whole number from 1 to 999999`);
  }
  const flags: WalkFlags = {
    target,
    runbooks: values.runbooks ?? 'runbooks',
    inputs: uniquePairs('input', values.input, 'service=checkout'),
    labels: uniquePairs('label', values.label, 'zone=eu-west-1a'),
    sources: uniquePairs('source', values.source, 'prom=http://prometheus:9090'),
    answers: pairs('answer', values.answer, "recent-deploy='Not sure'"),
    actions: pairs('action', values.action, 'rollback=done').map(([node, text]) => [node, actionResult(node, text)]),
    format,
    maxSteps,
  };
  if (values.scenario !== undefined) flags.scenario = values.scenario;
  if (values.at !== undefined) flags.at = parseAt(values.at);
  return flags;
}
