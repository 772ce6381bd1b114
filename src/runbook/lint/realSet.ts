import type { Condition } from '../types.js';

/** One interval of the extended reals; `±Infinity` are values too (a query can return `+Inf`). */
export interface Interval {
  lo: number;
  loClosed: boolean;
  hi: number;
  hiClosed: boolean;
}

/** A set of numbers as sorted, disjoint, non-touching, non-empty intervals. */
export type RealSet = readonly Interval[];

export const EVERYTHING: RealSet = [{ lo: -Infinity, loClosed: true, hi: Infinity, hiClosed: true }];

function isEmpty(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && !(i.loClosed && i.hiClosed));
}

/** Sorts and merges intervals that overlap or touch (`[0, 1)` and `[1, 2]` make `[0, 2]`). */
export function realSet(intervals: readonly Interval[]): RealSet {
  const sorted = intervals.filter((i) => !isEmpty(i)).sort((a, b) => a.lo - b.lo || Number(b.loClosed) - Number(a.loClosed));
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && (last.hi > i.lo || (last.hi === i.lo && (last.hiClosed || i.loClosed)))) {
      if (i.hi > last.hi || (i.hi === last.hi && i.hiClosed)) {
        last.hi = i.hi;
        last.hiClosed = i.hiClosed;
      }
    } else {
      out.push({ ...i });
    }
  }
  return out;
}

export function union(...sets: RealSet[]): RealSet {
  return realSet(sets.flat());
}

/** Everything not in `set`, within the extended reals. */
export function complement(set: RealSet): RealSet {
  const out: Interval[] = [];
  let lo = -Infinity;
  let loClosed = true;
  for (const i of set) {
    out.push({ lo, loClosed, hi: i.lo, hiClosed: !i.loClosed });
    lo = i.hi;
    loClosed = !i.hiClosed;
  }
  out.push({ lo, loClosed, hi: Infinity, hiClosed: true });
  return realSet(out);
}

/** True when every number of `inner` is in `outer`. */
export function isSubset(inner: RealSet, outer: RealSet): boolean {
  // `outer` is merged, so a connected interval of `inner` must sit inside a single one of its intervals.
  return inner.every((i) =>
    outer.some((o) =>
      (o.lo < i.lo || (o.lo === i.lo && (o.loClosed || !i.loClosed))) &&
      (o.hi > i.hi || (o.hi === i.hi && (o.hiClosed || !i.hiClosed)))));
}

export function isEverything(set: RealSet): boolean {
  return isSubset(EVERYTHING, set);
}

/**
 * The numbers a condition accepts, over `value` or `change` (whichever it has). `between` and
 * `outside` take a closed range `[low, high]`. Undefined when the condition is malformed.
 */
export function conditionSet(when: Condition): RealSet | undefined {
  const operand = when.value ?? when.change;
  if (operand === undefined) return undefined;
  if (when.op === 'between' || when.op === 'outside') {
    if (!Array.isArray(operand)) return undefined;
    const [low, high] = operand;
    if (Number.isNaN(low) || Number.isNaN(high)) return undefined;
    if (when.op === 'between') return realSet([{ lo: low, loClosed: true, hi: high, hiClosed: true }]);
    return realSet([
      { lo: -Infinity, loClosed: true, hi: low, hiClosed: false },
      { lo: high, loClosed: false, hi: Infinity, hiClosed: true },
    ]);
  }
  if (Array.isArray(operand) || Number.isNaN(operand)) return undefined;
  const v = operand;
  switch (when.op) {
    case 'gt': return realSet([{ lo: v, loClosed: false, hi: Infinity, hiClosed: true }]);
    case 'gte': return realSet([{ lo: v, loClosed: true, hi: Infinity, hiClosed: true }]);
    case 'lt': return realSet([{ lo: -Infinity, loClosed: true, hi: v, hiClosed: false }]);
    case 'lte': return realSet([{ lo: -Infinity, loClosed: true, hi: v, hiClosed: true }]);
    case 'eq': return realSet([{ lo: v, loClosed: true, hi: v, hiClosed: true }]);
    case 'ne': return complement(realSet([{ lo: v, loClosed: true, hi: v, hiClosed: true }]));
  }
}

function num(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(Number(n.toPrecision(12)));
}

function describeInterval(i: Interval): string {
  if (i.lo === i.hi) return `= ${num(i.lo)}`;
  if (i.lo === -Infinity && i.loClosed && i.hi === Infinity && i.hiClosed) return 'any value';
  if (i.lo === -Infinity && i.loClosed) return `${i.hiClosed ? '<=' : '<'} ${num(i.hi)}`;
  if (i.hi === Infinity && i.hiClosed) return `${i.loClosed ? '>=' : '>'} ${num(i.lo)}`;
  return `in ${i.loClosed ? '[' : '('}${num(i.lo)}, ${num(i.hi)}${i.hiClosed ? ']' : ')'}`;
}

/** `<= 0.01 or = 0.05` — a set as a reader would say it. */
export function describeSet(set: RealSet): string {
  return set.length === 0 ? 'no value' : set.map(describeInterval).join(' or ');
}
