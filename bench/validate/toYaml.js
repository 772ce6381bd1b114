// A small YAML writer for generated runbooks, styled like hand-written ones: short maps in flow
// style (`when: { op: gt, value: 0.05 }`), long queries folded (`>-`), Markdown as literal blocks.
// generateRunbook() re-parses every file it writes and compares, so a mistake here cannot slip
// into the corpus unnoticed.

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;
// Letters first; no `:`, `#`, `,`, brackets or quotes at the start: safe unquoted in block and flow.
const PLAIN = /^[A-Za-z][A-Za-z0-9 _./'?()%+*=<>;-]*$/;
// Prometheus durations (`10m`, `1h30m`) are strings in YAML 1.1 and 1.2 alike.
const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;
const PLAIN_KEY = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const FLOW_WIDTH = 72;
const FOLD_WIDTH = 76;

function scalar(value) {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as YAML here`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new Error(`not a scalar: ${typeof value}`);
  if (DURATION.test(value)) return value;
  if (PLAIN.test(value) && !value.endsWith(' ') && !RESERVED.test(value) && !/ [-+*=<>]( |$)/.test(value)) return value;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

function key(name) {
  return PLAIN_KEY.test(name) && !RESERVED.test(name) ? name : JSON.stringify(name);
}

const isScalar = (v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One-line flow form of a map or list of scalars (one level of nested scalar lists), or null. */
function flow(value) {
  const simple = (v) => (isScalar(v) && !(typeof v === 'string' && v.includes('\n'))) || (Array.isArray(v) && v.every((x) => isScalar(x) && typeof x !== 'string'));
  const one = (v) => (Array.isArray(v) ? `[${v.map(scalar).join(', ')}]` : scalar(v));
  if (Array.isArray(value)) {
    if (!value.every((v) => isScalar(v) && !(typeof v === 'string' && v.includes('\n')))) return null;
    const text = `[${value.map(scalar).join(', ')}]`;
    return text.length <= FLOW_WIDTH ? text : null;
  }
  if (!Object.values(value).every(simple)) return null;
  const text = `{ ${Object.entries(value).map(([k, v]) => `${key(k)}: ${one(v)}`).join(', ')} }`;
  return text.length <= FLOW_WIDTH ? text : null;
}

/** Breaks a long one-line string at single spaces; folding (`>-`) joins the lines back with one space. */
function foldLines(text) {
  if (text.length <= FOLD_WIDTH || /\n|\t| {2}|^ | $/.test(text)) return null;
  // Never break inside a `{{ placeholder }}`: authors keep them whole.
  const words = [];
  for (const piece of text.split(' ')) {
    const last = words[words.length - 1];
    if (last !== undefined && last.lastIndexOf('{{') > last.lastIndexOf('}}')) words[words.length - 1] = `${last} ${piece}`;
    else words.push(piece);
  }
  const lines = [];
  let line = '';
  for (const word of words) {
    // Short lines take the next word even past the width: no `1 -` or `/` alone on a line.
    if (line.length >= FOLD_WIDTH / 2 && line.length + 1 + word.length > FOLD_WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.length > 1 ? lines : null;
}

function literalLines(text) {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (body.endsWith('\n') || /^[ \t]/.test(body) || /[ \t]$/m.test(body)) throw new Error('literal block text must not start with a space, end in spaces or end with blank lines');
  return { indicator: text.endsWith('\n') ? '|' : '|-', lines: body.split('\n') };
}

function writeEntry(name, value, indent, out, allowFlow) {
  const pad = ' '.repeat(indent);
  const k = key(name);
  if (typeof value === 'string' && value.includes('\n')) {
    const { indicator, lines } = literalLines(value);
    out.push(`${pad}${k}: ${indicator}`);
    for (const l of lines) out.push(l === '' ? '' : `${pad}  ${l}`);
    return;
  }
  if (typeof value === 'string') {
    const folded = foldLines(value);
    if (folded) {
      out.push(`${pad}${k}: >-`);
      for (const l of folded) out.push(`${pad}  ${l}`);
      return;
    }
  }
  if (isScalar(value)) {
    out.push(`${pad}${k}: ${scalar(value)}`);
    return;
  }
  const inline = allowFlow ? flow(value) : null;
  if (inline !== null && indent + k.length + 2 + inline.length <= 100) {
    out.push(`${pad}${k}: ${inline}`);
    return;
  }
  out.push(`${pad}${k}:`);
  if (Array.isArray(value)) writeList(value, indent + 2, out);
  else writeMap(value, indent + 2, out, name !== 'nodes');
}

function writeList(items, indent, out) {
  const pad = ' '.repeat(indent);
  for (const item of items) {
    if (isScalar(item)) {
      out.push(`${pad}- ${scalar(item)}`);
      continue;
    }
    const inline = flow(item);
    if (inline !== null) {
      out.push(`${pad}- ${inline}`);
      continue;
    }
    // A block map as a list item: its first key goes on the dash line.
    const lines = [];
    if (Array.isArray(item)) writeList(item, indent + 2, lines);
    else writeMap(item, indent + 2, lines, true);
    const first = lines[0] ?? '';
    out.push(`${pad}- ${first.slice(indent + 2)}`, ...lines.slice(1));
  }
}

function writeMap(map, indent, out, allowFlow) {
  for (const [name, value] of Object.entries(map)) {
    if (value === undefined) continue;
    writeEntry(name, value, indent, out, allowFlow);
  }
}

/** The YAML text of a plain JSON-like document (a map at the top), with optional leading comment lines. */
export function toYaml(doc, comments = []) {
  if (!isMap(doc)) throw new Error('a YAML document here is a map');
  const out = comments.map((c) => `# ${c}`);
  writeMap(doc, 0, out, true);
  return `${out.join('\n')}\n`;
}
