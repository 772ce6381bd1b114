import type { ErrorObject } from 'ajv';
import type { Problem } from './problem.js';
import type { DocPath, SourceMap } from './sourceMap.js';
import { didYouMean } from './closestMatch.js';

interface SchemaLike {
  properties?: Record<string, { description?: string } | undefined>;
  description?: string;
  errorMessage?: string;
  enum?: unknown[];
}

function asSchema(v: unknown): SchemaLike {
  return typeof v === 'object' && v !== null ? v : {};
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((seg) => {
    const s = seg.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(s) ? Number(s) : s;
  });
}

/** `nodes.error-rate.branches[0].when` — how the message names a place. */
function describePath(path: DocPath): string {
  if (path.length === 0) return 'the top level';
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

/** What kind of thing lives at this path, for messages ("check node 'x'"). */
function subject(path: DocPath, data: unknown): string {
  if (path[0] === 'nodes' && typeof path[1] === 'string') {
    let node: unknown = data;
    for (const seg of path.slice(0, 2)) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[seg] : undefined;
    const type = typeof node === 'object' && node !== null ? (node as Record<string, unknown>).type : undefined;
    const where = path.length > 2 ? ` (${describePath(path.slice(2))})` : '';
    return `${typeof type === 'string' ? `${type} ` : ''}node '${path[1]}'${where}`;
  }
  return describePath(path);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  // Not JSON.stringify: Infinity and NaN would print as null.
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  return typeof v;
}

function valueAt(data: unknown, path: DocPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/**
 * The alternatives of a failed oneOf/anyOf that fit the value's shape, each with its errors.
 * Judged on the full error list: an alternative does not fit when its own type/enum/const
 * rejected the value, or when it is itself an alternation none of whose alternatives fit.
 */
function fittingBranches(alt: ErrorObject, errors: ErrorObject[]): ErrorObject[][] {
  const prefix = `${alt.schemaPath}/`;
  const byBranch = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if (!e.schemaPath.startsWith(prefix)) continue;
    const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
    byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
  }
  const fits = ([branch, errs]: [string, ErrorObject[]]): boolean =>
    !errs.some((e) => {
      if (e.instancePath !== alt.instancePath || e.schemaPath !== `${prefix}${branch}/${e.keyword}`) return false;
      if (['type', 'enum', 'const'].includes(e.keyword)) return true;
      return (e.keyword === 'oneOf' || e.keyword === 'anyOf') && fittingBranches(e, errors).length === 0;
    });
  return [...byBranch.entries()].filter(fits).map(([, errs]) => errs);
}

/**
 * Drops the noise ajv produces around `if/then` and `oneOf`, so one mistake yields one problem:
 * `if` failures always accompany their `then` errors; for a failed oneOf/anyOf, when exactly one
 * alternative matched the value's type, its errors are the useful ones, else the oneOf itself is.
 */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  let out = errors.filter((e) => e.keyword !== 'if');
  for (const alt of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const prefix = `${alt.schemaPath}/`;
    const fitting = fittingBranches(alt, errors);
    const keep = fitting.length === 1 && fitting[0] !== undefined && !fitting[0].every((e) => e.keyword === 'required' && e.instancePath === alt.instancePath)
      ? new Set(fitting[0])
      : new Set<ErrorObject>();
    out = out.filter((e) => !e.schemaPath.startsWith(prefix) || keep.has(e));
    if (keep.size > 0) out = out.filter((e) => e !== alt);
  }
  // Identical place and message twice (e.g. a $ref reached two ways) reads as noise.
  const seen = new Set<string>();
  return out.filter((e) => {
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Turns ajv errors into positioned problems with messages that say how to fix them. */
export function schemaProblems(errors: ErrorObject[], data: unknown, map: SourceMap, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const e of simplify(errors)) {
    const path = pointerToPath(e.instancePath);
    const parent = asSchema(e.parentSchema);
    const value = valueAt(data, path);
    const push = (p: DocPath, part: 'key' | 'value', rule: string, message: string): void => {
      problems.push({ file, ...map.locate(p, part), severity: 'error', rule, message });
    };
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty);
        const valid = Object.keys(parent.properties ?? {});
        push([...path, key], 'key', 'unknown-key',
          `unknown key '${key}' in ${subject(path, data)}${didYouMean(key, valid)}; valid keys: ${valid.join(', ')}`);
        break;
      }
      case 'required': {
        const key = String(params.missingProperty);
        const desc = parent.properties?.[key]?.description;
        push(path, path.length > 0 ? 'key' : 'value', 'schema',
          `${subject(path, data)} is missing required key '${key}'${desc ? ` (${desc.replace(/\.$/, '')})` : ''}; add it`);
        break;
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]).map(String);
        push(path, 'value', 'schema',
          `${describePath(path)} is ${typeName(value)}${typeof value === 'string' ? didYouMean(value, allowed) : ''}; it must be one of: ${allowed.join(', ')}`);
        break;
      }
      case 'const':
        push(path, 'value', 'schema', `${describePath(path)} ${parent.errorMessage ?? `must be ${JSON.stringify(params.allowedValue)}`}`);
        break;
      case 'type':
        push(path, 'value', 'schema', `${describePath(path)} ${parent.errorMessage ?? `must be ${String(params.type).replace(',', ' or ')}`}, not ${typeName(value)}`);
        break;
      case 'propertyNames': {
        const name = String(params.propertyName);
        push([...path, name], 'key', 'schema', `'${name}' is not a valid name in ${describePath(path)}: ${parent.errorMessage ?? 'see the schema'}`);
        break;
      }
      case 'pattern':
        if (path.length >= 1 && e.schemaPath.includes('propertyNames')) break; // reported by propertyNames
        push(path, 'value', 'schema', `${describePath(path)} ${parent.errorMessage ?? `must match ${String(params.pattern)}`}, not ${typeName(value)}`);
        break;
      case 'oneOf':
      case 'anyOf':
        push(path, 'value', 'schema', `${describePath(path)}: ${parent.errorMessage ?? 'does not match any allowed form; see the schema'}`);
        break;
      case 'minItems':
      case 'minProperties':
        push(path, 'value', 'schema', `${describePath(path)} must not be empty (${e.message ?? ''})`);
        break;
      default:
        push(path, 'value', 'schema', `${describePath(path)} ${parent.errorMessage ?? e.message ?? 'is invalid'}`);
    }
  }
  return problems;
}
