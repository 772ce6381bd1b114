import { describe, it, expect } from 'vitest';
import { joinParts, wrapText } from '../../../src/runbook/graph/wrapText.js';

describe('wrapText', () => {
  it('breaks between words within the width', () => {
    expect(wrapText('Was anything deployed in the last hour?', 20)).toEqual(['Was anything', 'deployed in the last', 'hour?']);
  });

  it('keeps a word longer than the width whole', () => {
    expect(wrapText('see https://grafana.example/d/deploys now', 10)).toEqual(['see', 'https://grafana.example/d/deploys', 'now']);
  });

  it('returns one empty line for empty text', () => {
    expect(wrapText('', 10)).toEqual(['']);
  });
});

describe('joinParts', () => {
  it('joins one-line alternatives with a slash while they fit', () => {
    expect(joinParts([['default'], ['no data'], ['error']], 28)).toEqual(['default / no data / error']);
  });

  it('starts an alternative on a new line when it does not fit or spans lines', () => {
    expect(joinParts([['change > +50% vs 1d ago'], ['no data'], ['error']], 28)).toEqual(['change > +50% vs 1d ago /', 'no data / error']);
    expect(joinParts([['yes'], ['a long answer', 'on two lines']], 28)).toEqual(['yes /', 'a long answer', 'on two lines']);
  });
});
