import type { TemplateValues } from '../../engine/renderQuery.js';
import { renderText } from '../../engine/renderQuery.js';
import { MAX_PATH_LENGTH } from '../../engine/walk.js';
import type { EvaluatedSeries } from '../../engine/walkEvent.js';
import type { CheckMeta, SteppedEvent } from '../../metrics/stepCheck.js';
import { conditionLabel } from '../../runbook/graph/conditionLabel.js';
import type { CheckNode, QuestionNode, Runbook, RunbookNode } from '../../runbook/types.js';
import type { Palette } from '../format/ansi.js';
import { plural } from '../format/plural.js';
import { terminalSafe } from '../format/terminalSafe.js';

/** What the text output needs besides the events: the runbook, template values for display, colours. */
export interface WalkTextContext {
  runbook: Runbook;
  values: TemplateValues;
  paint: Palette;
}

/** Series listed per check before the rest is summarised; a `by (pod)` query can return hundreds. */
export const MAX_SERIES_SHOWN = 20;

const INDENT = '    ';

/** Shortest exact decimal form, and Prometheus' spelling of the special values. */
export function formatValue(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(Number(n.toPrecision(12)));
}

/** `{zone="a", pod="x"}` as Prometheus prints label sets. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  return `{${Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`;
}

/** Text from a runbook or a metrics backend, indented, without escape sequences. */
function block(text: string, indent = INDENT): string[] {
  return terminalSafe(text.trimEnd(), true).split('\n').map((line) => (line === '' ? '' : indent + line));
}

function nodeOf(runbook: Runbook, id: string): RunbookNode | undefined {
  return Object.hasOwn(runbook.nodes, id) ? runbook.nodes[id] : undefined;
}

function checkOf(runbook: Runbook, id: string): CheckNode | undefined {
  const node = nodeOf(runbook, id);
  return node?.type === 'check' ? node : undefined;
}

function entered(id: string, visit: number, ctx: WalkTextContext): string[] {
  const { paint, runbook, values } = ctx;
  const node = nodeOf(runbook, id);
  if (!node) return [paint.bold(`▸ ${id}`)];
  const title = node.title === undefined ? '' : ` ${terminalSafe(renderText(node.title, values))}`;
  const again = visit > 1 ? paint.dim(` (visit ${visit})`) : '';
  const mark = node.type === 'end' ? '■' : '▸';
  const mitigation = node.type === 'action' && node.mitigation === true ? ` ${paint.yellow('(mitigation)')}` : '';
  const lines = ['', `${paint.bold(`${mark} ${id}`)} ${paint.dim(node.type)}${title}${mitigation}${again}`];
  switch (node.type) {
    case 'check':
      break;
    case 'question':
      lines.push(...block(renderText(node.question, values)), ...answerList(node, paint));
      break;
    case 'action':
      lines.push(...block(renderText(node.instructions, values)));
      for (const link of node.links ?? []) lines.push(`${INDENT}${paint.cyan('↗')} ${terminalSafe(link.title)}: ${terminalSafe(link.url)}`);
      break;
    case 'end':
      if (node.summary !== undefined) lines.push(...block(node.summary));
      break;
  }
  return lines;
}

/** The numbered answers of a question, as the prompt accepts them. */
export function answerList(node: QuestionNode, paint: Palette): string[] {
  return node.answers.map((a, i) => {
    const description = a.description === undefined ? '' : paint.dim(` — ${terminalSafe(a.description)}`);
    return `${INDENT}  ${i + 1}) ${terminalSafe(a.label)}${description}`;
  });
}

function queryLines(meta: CheckMeta, paint: Palette): string[] {
  const how = meta.sourceType === 'manual' ? 'typed by hand' : meta.sourceType === 'fixture' ? 'scenario' : `${Math.round(meta.durationMs)} ms`;
  const [first = '', ...rest] = terminalSafe(meta.query, true).split('\n');
  return [`${INDENT}${paint.dim(`query (${meta.source}, ${how}):`)} ${first}`, ...rest.map((l) => `${INDENT}  ${l}`)];
}

function seriesLines(series: EvaluatedSeries[], unit: string, paint: Palette): string[] {
  const [only] = series;
  if (series.length === 1 && only && Object.keys(only.labels).length === 0) return [`${INDENT}value ${formatValue(only.value)}${unit}`];
  const shown = series.slice(0, MAX_SERIES_SHOWN).map((s) => {
    const mark = s.matched ? `  ${paint.green('← matches')}` : '';
    return `${INDENT}  ${terminalSafe(formatLabels(s.labels))} ${formatValue(s.value)}${unit}${mark}`;
  });
  const hidden = series.slice(MAX_SERIES_SHOWN);
  if (hidden.length > 0) {
    const matching = hidden.filter((s) => s.matched).length;
    shown.push(`${INDENT}  … ${hidden.length} more series${matching > 0 ? ` (${matching} matching)` : ''}`);
  }
  return [`${INDENT}${series.length} series:`, ...shown];
}

function evaluated(data: Extract<SteppedEvent, { type: 'check.evaluated' }>['data'], ctx: WalkTextContext): string[] {
  const { paint } = ctx;
  const node = checkOf(ctx.runbook, data.node);
  const unit = node?.unit === undefined ? '' : ` ${terminalSafe(node.unit)}`;
  const lines = [...queryLines(data, paint), ...seriesLines(data.series, unit, paint)];
  if (data.reduce !== 'any' && data.reduce !== 'all') lines.push(`${INDENT}${data.reduce} of the series: ${formatValue(data.value)}${unit}`);
  if (data.branch === 'default') {
    lines.push(`${INDENT}${paint.bold('→ default')} (no branch matched) → ${paint.bold(data.next)}`);
  } else {
    const branch = node?.branches[data.branch];
    const condition = branch ? conditionLabel(branch.when, node.compare?.offset) : '';
    const every = data.reduce === 'all' ? ' on every series' : '';
    const label = branch?.label === undefined ? '' : `: ${terminalSafe(branch.label)}`;
    lines.push(`${INDENT}${paint.bold(`→ branch ${data.branch + 1}`)} (${condition}${every})${label} → ${paint.bold(data.next)}`);
  }
  return lines;
}

const OUTLET = { no_data: 'on_no_data', error: 'on_error', timeout: 'on_error' } as const;

function failed(data: Extract<SteppedEvent, { type: 'check.failed' }>['data'], ctx: WalkTextContext): string[] {
  const { paint } = ctx;
  const status = data.status === 'no_data' ? 'no data' : data.status;
  return [
    ...queryLines(data, paint),
    `${INDENT}${paint.red(`✗ ${status}:`)} ${terminalSafe(data.reason)}`,
    `${INDENT}${paint.bold(`→ ${OUTLET[data.status]}`)} → ${paint.bold(data.next)}`,
  ];
}

function ended(data: Extract<SteppedEvent, { type: 'walk.ended' }>['data'], ctx: WalkTextContext): string[] {
  const { paint } = ctx;
  const handoff = data.handoff === undefined ? '' : ` · handoff: ${paint.bold(terminalSafe(data.handoff))}`;
  const outcome = `outcome: ${paint.bold(data.outcome)}${handoff}`;
  if (data.by === 'end') return ['', `${paint.green('✔ walk ended')} at ${data.node ?? '?'} · ${outcome}`];
  const limit = data.node === null ? undefined : nodeOf(ctx.runbook, data.node)?.max_visits;
  const why = limit === undefined ? `the walk reached ${MAX_PATH_LENGTH} steps` : `'${data.node ?? '?'}' may be entered at most ${plural(limit, 'time')}`;
  return ['', `${paint.yellow('■ walk ended by max_visits')}: ${why} · ${outcome}`];
}

/** The lines that explain one event of a walk, for people. Empty for none. */
export function describeWalkEvent(event: SteppedEvent, ctx: WalkTextContext): string[] {
  const { paint } = ctx;
  switch (event.type) {
    case 'step.entered':
      return entered(event.data.node, event.data.visit, ctx);
    case 'check.evaluated':
      return evaluated(event.data, ctx);
    case 'check.failed':
      return failed(event.data, ctx);
    case 'question.answered':
      return [`${INDENT}answer: ${paint.bold(terminalSafe(event.data.label))} → ${paint.bold(event.data.next)}`];
    case 'action.completed':
      return [`${INDENT}${paint.green('done')} → ${paint.bold(event.data.next)}`];
    case 'action.skipped':
      return [`${INDENT}${paint.yellow('skipped')} → ${paint.bold(event.data.next)}`];
    case 'walk.ended':
      return ended(event.data, ctx);
  }
}
