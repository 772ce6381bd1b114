import { describe, it, expect } from 'vitest';
import { escapeMermaid, mermaidLabel } from '../../../src/runbook/graph/escapeMermaid.js';

describe('escapeMermaid', () => {
  it('writes syntax characters as Mermaid entity codes', () => {
    expect(escapeMermaid('say "hi" <b> & #1 | `x` 100%')).toBe('say #quot;hi#quot; #lt;b#gt; #amp; #35;1 #124; #96;x#96; 100#37;');
  });

  it('escapes # first so existing entity-like text stays literal', () => {
    expect(escapeMermaid('#quot;')).toBe('#35;quot;');
  });

  it('escapes a colon glued to text, which Mermaid would read as a style, but not "word: text"', () => {
    expect(escapeMermaid('style:#1')).toBe('style#58;#35;1');
    expect(escapeMermaid('outcome: escalate')).toBe('outcome: escalate');
  });

  it('keeps brackets and braces, which are safe inside quotes', () => {
    expect(escapeMermaid('a[b]{c}(d)')).toBe('a[b]{c}(d)');
  });

  it('flattens line breaks', () => {
    expect(escapeMermaid('a\nb')).toBe('a b');
  });
});

describe('mermaidLabel', () => {
  it('quotes and joins lines with <br>', () => {
    expect(mermaidLabel(['a "b"', 'c'])).toBe('"a #quot;b#quot;<br>c"');
  });
});
