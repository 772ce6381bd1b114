import type { ComparisonOp, Condition } from '../types.js';

const SYMBOLS: Record<ComparisonOp, string> = { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=', ne: '≠' };

/** Shortest exact decimal form; toPrecision(12) drops float noise such as 7.000000000000001. */
function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

function formatPercent(ratio: number): string {
  const p = formatNumber(ratio * 100);
  return ratio > 0 ? `+${p}%` : `${p}%`;
}

function operand(op: Condition['op'], v: number | [number, number] | undefined, format: (n: number) => string): string {
  if (op === 'between' || op === 'outside') {
    const [low, high] = Array.isArray(v) ? v : [v, v];
    const range = `${low === undefined ? '?' : format(low)} and ${high === undefined ? '?' : format(high)}`;
    return op === 'between' ? `between ${range}` : `not between ${range}`;
  }
  const n = Array.isArray(v) ? v[0] : v;
  return `${SYMBOLS[op]} ${n === undefined ? '?' : format(n)}`;
}

/**
 * A condition in human form, as graphs and the UI show it: `> 0.05`, `≥ 0.01 for 10m`,
 * `between 0.01 and 0.05`, `change > +50% vs 1d ago`. `offset` is the check's `compare.offset`.
 */
export function conditionLabel(when: Condition, offset?: string): string {
  const isChange = when.change !== undefined;
  const text = isChange
    ? `change ${operand(when.op, when.change, formatPercent)} vs ${offset === undefined ? 'baseline' : `${offset} ago`}`
    : operand(when.op, when.value, formatNumber);
  return when.for === undefined ? text : `${text} for ${when.for}`;
}
