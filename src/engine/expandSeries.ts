import { SimulationError } from './simulationError.js';

/** Bounds a hostile `1x1000000000` before it allocates. */
export const MAX_EXPANDED_SAMPLES = 100_000;

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?Inf|NaN`;
const UNSIGNED = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|Inf`;
// a, axn, a+bxn, a-bxn (the longest number wins, so `1e-3x2` is 1e-3 repeated).
const ITEM = new RegExp(`^(${NUMBER})(?:(?:([+-])(${UNSIGNED}))?x(\\d+))?$`);
const BLANKS = /^_(?:x(\d+))?$/;

function parseNumber(text: string): number {
  if (text === 'NaN') return Number.NaN;
  const unsigned = text.replace(/^[+-]/, '');
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (unsigned === 'Inf' ? Infinity : Number(unsigned));
}

/**
 * Expands promtool's series notation, oldest first; `null` is a missing sample.
 * `a+bxn` is n+1 values a, a+b … a+nb; `a-bxn` counts down; `axn` is a repeated n+1 times;
 * `_` is one missing sample and `_xn` n of them (as in promtool); `stale` is missing too.
 */
export function expandSeries(text: string): (number | null)[] {
  const out: (number | null)[] = [];
  const push = (count: number, valueAt: (i: number) => number | null, item: string): void => {
    if (out.length + count > MAX_EXPANDED_SAMPLES) {
      throw new SimulationError(`'${item}' expands past ${MAX_EXPANDED_SAMPLES} samples; use a shorter series`);
    }
    for (let i = 0; i < count; i++) out.push(valueAt(i));
  };
  for (const item of text.trim().split(/\s+/).filter((s) => s !== '')) {
    if (item === 'stale') {
      out.push(null);
      continue;
    }
    const blanks = BLANKS.exec(item);
    if (blanks) {
      push(blanks[1] === undefined ? 1 : Number(blanks[1]), () => null, item);
      continue;
    }
    const m = ITEM.exec(item);
    if (!m?.[1]) {
      throw new SimulationError(
        `'${item}' is not in promtool's series notation; write numbers, 'a+bxn', 'a-bxn', 'axn', '_', '_xn' or 'stale', separated by spaces (e.g. '0+10x5 _ 50')`,
      );
    }
    const start = parseNumber(m[1]);
    if (m[4] === undefined) {
      out.push(start);
      continue;
    }
    const increment = m[3] === undefined ? 0 : parseNumber(m[3]) * (m[2] === '-' ? -1 : 1);
    push(Number(m[4]) + 1, (i) => (increment === 0 ? start : start + i * increment), item);
  }
  if (out.length === 0) throw new SimulationError("the series is empty; give at least one value, e.g. '0.02x10'");
  return out;
}
