import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { Problem } from './problem.js';
import { fileProblem } from './problem.js';
import type { DocPath, SourceMap } from './sourceMap.js';
import { YamlSourceMap } from './yamlSourceMap.js';
import { findExcessiveNesting } from './nestingDepth.js';

/** Limits that keep a hostile file from exhausting the validator. Runbooks are far below them. */
export const YAML_LIMITS = {
  /** Characters per file. The largest realistic runbook is tens of KiB. */
  maxChars: 1024 * 1024,
  /** Nesting of maps and sequences. */
  maxDepth: 64,
  /** Alias expansions per document (anchors are fine; billion-laughs are not). */
  maxAliasCount: 100,
};

/** Keys that could reach Object.prototype in code that copies parsed data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedYaml {
  value?: unknown;
  map: SourceMap;
  problems: Problem[];
}

/**
 * Parses one YAML document (1.2 core schema: `yes`/`no`/`on` stay strings) with every
 * problem tied to a source position. Returns `value` only when nothing is wrong.
 */
export function parseYamlSafely(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const at = (map: SourceMap, path: DocPath, part: 'key' | 'value', rule: string, message: string): Problem => ({
    file, ...map.locate(path, part), severity: 'error', rule, message,
  });

  if (text.length > YAML_LIMITS.maxChars) {
    const map = new YamlSourceMap('', lineCounter, undefined);
    problems.push(fileProblem(file, 'file-too-large',
      `file has ${text.length} characters; runbooks are limited to ${YAML_LIMITS.maxChars} (1 Mi). Split it into several runbooks or move long prose to linked documents.`));
    return { map, problems };
  }

  const deep = findExcessiveNesting(text, YAML_LIMITS.maxDepth);
  if (deep >= 0) {
    const lineStart = text.lastIndexOf('\n', deep - 1) + 1;
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
    const pos = { line, col: deep - lineStart + 1 };
    return {
      map: new YamlSourceMap(text, lineCounter, undefined),
      problems: [{ file, line: pos.line, column: pos.col, endLine: pos.line, endColumn: pos.col + 1, severity: 'error', rule: 'yaml-too-deep',
        message: `nesting is deeper than ${YAML_LIMITS.maxDepth} levels here; a runbook needs far fewer. Flatten the structure (this limit protects the validator from hostile input).` }],
    };
  }

  const doc = parseDocument(text, { lineCounter, version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, merge: false, strict: true, keepSourceTokens: false });
  const map = new YamlSourceMap(text, lineCounter, doc);
  // Warnings (an unknown `!tag`, say) mean the file does not say what its author thinks: errors here.
  for (const err of [...doc.errors, ...doc.warnings]) problems.push(yamlErrorProblem(err, file, lineCounter));
  if (problems.length > 0) return { map, problems };
  if (doc.contents === null) {
    problems.push(fileProblem(file, 'yaml-syntax', 'the file is empty; a runbook is a YAML map starting with `runpath: 1`'));
    return { map, problems };
  }

  const plain = plainValue(doc.contents, 0);
  if (plain !== NOT_PLAIN) return { value: plain, map, problems };

  checkKeysAndDepth(doc, (path, part, rule, message) => problems.push(at(map, path, part, rule, message)));
  if (problems.length > 0) return { map, problems };

  try {
    const value: unknown = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliasCount });
    return { value, map, problems };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/alias/i.test(message)) {
      problems.push(fileProblem(file, 'yaml-alias-limit',
        `aliases expand to too many nodes (the limit is ${YAML_LIMITS.maxAliasCount}; a guard against "billion laughs" files); write the repeated parts out or reference them less`));
    } else {
      problems.push(fileProblem(file, 'yaml-syntax', message));
    }
    return { map, problems };
  }
}

const NOT_PLAIN = Symbol('not plain');

/**
 * The document as plain data, in one walk, for the common case: string keys (none forbidden),
 * no anchors, aliases or tags on collections, within the depth limit. Equal to what `toJS` returns
 * for such a document. Anything else gives NOT_PLAIN, and the caller takes the careful path (the
 * full check, then `toJS`), so problems and their order are exactly that path's.
 */
function plainValue(node: unknown, depth: number): unknown {
  if (depth > YAML_LIMITS.maxDepth) return NOT_PLAIN;
  if (node === null) return null;
  if (isScalar(node)) return node.anchor === undefined ? node.value : NOT_PLAIN;
  if (isMap(node)) {
    if (node.anchor !== undefined || node.tag !== undefined) return NOT_PLAIN;
    const out: Record<string, unknown> = {};
    for (const { key, value } of node.items) {
      if (!isScalar(key) || typeof key.value !== 'string' || key.anchor !== undefined || FORBIDDEN_KEYS.has(key.value)) return NOT_PLAIN;
      const v = plainValue(value, depth + 1);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out[key.value] = v;
    }
    return out;
  }
  if (isSeq(node)) {
    if (node.anchor !== undefined || node.tag !== undefined) return NOT_PLAIN;
    const out: unknown[] = [];
    for (const item of node.items) {
      const v = isPair(item) ? NOT_PLAIN : plainValue(item, depth + 1);
      if (v === NOT_PLAIN) return NOT_PLAIN;
      out.push(v);
    }
    return out;
  }
  return NOT_PLAIN;
}

type Report = (path: DocPath, part: 'key' | 'value', rule: string, message: string) => void;

/** Walks the AST without recursion: rejects non-scalar and prototype-polluting keys and excess depth. */
function checkKeysAndDepth(doc: Document, report: Report): void {
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top) break;
    const { node, path } = top;
    if (path.length > YAML_LIMITS.maxDepth) {
      report(path, 'value', 'yaml-too-deep', `nesting is deeper than ${YAML_LIMITS.maxDepth} levels here; flatten the structure`);
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) {
          report(path, 'value', 'yaml-syntax', 'map keys must be plain strings; complex keys (`? [a, b]`) and aliases as keys are not allowed');
          continue;
        }
        const key = String(pair.key.value);
        if (FORBIDDEN_KEYS.has(key)) {
          report([...path, key], 'key', 'forbidden-key', `the key '${key}' is not allowed (it could alter object prototypes); rename it`);
          continue;
        }
        stack.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
    } else if (isAlias(node)) {
      // Aliases point at nodes checked where they are anchored; toJS caps their expansion.
    }
  }
}

const YAML_ERROR_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear once in a map; remove or rename the repeated one',
  MULTIPLE_DOCS: 'a runbook file holds one YAML document; remove the `---` separator or split the file',
  BAD_INDENT: 'check the indentation: nested keys need more spaces than their parent, and tabs are not allowed',
  TAB_AS_INDENT: 'YAML does not allow tabs for indentation; use spaces',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span several lines; check for a missing `:` or wrong indentation above',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span several lines; check for a missing `:` or wrong indentation above',
  TAG_RESOLVE_FAILED: 'runbooks are plain YAML; remove the `!tag` (custom tags are not supported)',
  UNEXPECTED_TOKEN: 'check for a stray character, a missing `:`, or a value that needs quotes (values starting with `@`, `` ` ``, `%`, `{`, `[`, `*`, `&`, `!`, `|`, `>` must be quoted)',
};

function yamlErrorProblem(err: YAMLError, file: string, lineCounter: LineCounter): Problem {
  const [start, end] = err.pos;
  const s = lineCounter.linePos(start);
  const e = lineCounter.linePos(Math.max(end, start + 1));
  const first = err.message.split('\n')[0] ?? err.message;
  const text = first.replace(/ at line \d+, column \d+:?$/, '');
  const hint = YAML_ERROR_HINTS[err.code];
  const duplicate = err.code === 'DUPLICATE_KEY';
  return {
    file, line: s.line, column: s.col, endLine: e.line, endColumn: e.col,
    severity: 'error',
    rule: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
    message: hint ? `${text}: ${hint}` : text,
  };
}
