import { describe, expect, it } from 'vitest';
import { markdownCode, markdownText } from '../../../src/incidents/postmortem/markdownText.js';

describe('markdownText', () => {
  it.each([
    ['<img src=x>', '&lt;img src=x&gt;'],
    ['a & b', 'a &amp; b'],
    ['*bold* _em_ `code` ~~del~~', '\\*bold\\* \\_em\\_ \\`code\\` \\~\\~del\\~\\~'],
    ['[x](y)', '\\[x\\](y)'],
    ['# title', '\\# title'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['12. item', '12\\. item'],
    ['3) item', '3\\) item'],
    ['=====', '\\====='],
    ['> quote', '&gt; quote'],
    ['a | b', 'a \\| b'],
    ['C:\\path', 'C:\\\\path'],
    ['costs $5 and $6', 'costs \\$5 and \\$6'],
    ['plain words, 1.5 and p99-latency', 'plain words, 1.5 and p99-latency'],
    ['---', '\\---'],
    ['- - -', '\\- - -'],
    ['#', '\\#'],
    ['0.9 s', '0.9 s'],
    ['-5 degrees', '-5 degrees'],
    ['#5 in the queue', '#5 in the queue'],
    ['2024.', '2024\\.'],
  ])('%j → %j', (input, output) => {
    expect(markdownText(input)).toBe(output);
  });

  it('joins lines with hard breaks, trims them, drops blank ones and escapes each line start', () => {
    expect(markdownText('first\n\n   # second\r\n- third  ')).toBe('first\\\n  \\# second\\\n  \\- third');
  });

  it('drops control and bidi override characters', () => {
    expect(markdownText('a\u0000b\u202ec\u0007')).toBe('abc');
  });
});

describe('markdownCode', () => {
  it('fences with more backticks than the text holds, on one line', () => {
    expect(markdownCode('rate(x[5m])')).toBe('`rate(x[5m])`');
    expect(markdownCode('a `b` c')).toBe('``a `b` c``');
    expect(markdownCode('`x')).toBe('`` `x ``');
    expect(markdownCode('sum(\n  rate(x)\n)')).toBe('`sum( rate(x) )`');
  });
});
