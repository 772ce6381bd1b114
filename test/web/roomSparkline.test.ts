import { describe, expect, it } from 'vitest';
import type { CheckNode } from '../../src/web/api/apiTypes.js';
import { checkThresholds } from '../../src/web/room/checkThresholds.js';
import { sparklineModel } from '../../src/web/room/sparklineModel.js';

const size = { width: 110, height: 50, pad: 5 };

describe('sparklineModel', () => {
  it('spreads the samples over the box, oldest left, highest at the top', () => {
    const model = sparklineModel([{ labels: {}, samples: [[0, 0], [50, 5], [100, 10]] }], [], size);
    expect(model.series[0]?.segments).toEqual(['5,45 55,25 105,5']);
    expect(model).toMatchObject({ min: 0, max: 10, from: 0, to: 100, empty: false });
  });

  it('draws thresholds inside the range, widening it to include them', () => {
    const model = sparklineModel([{ labels: {}, samples: [[0, 0], [100, 0.02]] }], [0.04], size);
    expect(model.max).toBe(0.04);
    expect(model.thresholds).toEqual([{ value: 0.04, y: 5 }]);
    expect(model.series[0]?.segments).toEqual(['5,45 105,25']);
  });

  it('a null sample breaks the line; a lone sample becomes a dot', () => {
    const model = sparklineModel([{ labels: { pod: 'a' }, samples: [[0, 1], [10, 2], [20, null], [30, 3], [40, null], [50, 1], [60, 2]] }], [], { width: 70, height: 30, pad: 5 });
    const series = model.series[0];
    expect(series?.segments).toHaveLength(2);
    expect(series?.dots).toEqual([{ x: 35, y: 5 }]);
    expect(series?.label).toBe('{pod="a"}');
  });

  it('a flat line sits in the middle; no numbers at all is empty', () => {
    const flat = sparklineModel([{ labels: {}, samples: [[0, 3], [10, 3]] }], [], size);
    expect(flat.series[0]?.segments).toEqual(['5,25 105,25']);
    expect(sparklineModel([{ labels: {}, samples: [[0, null]] }], [1], size).empty).toBe(true);
    expect(sparklineModel([], [], size).empty).toBe(true);
  });

  it('one series per trend entry, each keyed apart', () => {
    const model = sparklineModel([{ labels: { pod: 'a' }, samples: [[0, 1], [1, 2]] }, { labels: { pod: 'b' }, samples: [[0, 2], [1, 1]] }], [], size);
    expect(model.series.map((s) => s.key)).toEqual(['0:{pod="a"}', '1:{pod="b"}']);
  });
});

describe('checkThresholds', () => {
  const check = (branches: CheckNode['branches']): CheckNode => ({ type: 'check', source: 'p', query: 'q', branches, on_no_data: 'x', on_error: 'x' });

  it('single numbers of comparisons, each once; not ranges or relative changes', () => {
    expect(checkThresholds(check([
      { when: { op: 'gt', value: 0.05 }, next: 'a' },
      { when: { op: 'gt', value: 0.01, for: '10m' }, next: 'a' },
      { when: { op: 'lt', value: 0.05 }, next: 'b' },
      { when: { op: 'between', value: [1, 2] }, next: 'c' },
      { when: { op: 'gt', change: 2 }, next: 'd' },
    ]))).toEqual([0.05, 0.01]);
  });
});
