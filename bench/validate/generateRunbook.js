// Builds one realistic runbook of about 30 nodes, deterministically from (seed, index):
// checks with PromQL over `{{ inputs.* }}`, questions, Markdown actions, ends, and one
// mitigation loop back to the start guarded by max_visits. Every node is reachable, every
// check has a default, on_no_data and on_error, and branch ladders never shadow each other,
// so the corpus is schema-valid and lint-clean by construction.

import { createRng, deriveSeed } from './prng.js';
import { INPUT_SPECS, PROBES } from './probes.js';
import { ACTIONS, ENDS, QUESTIONS } from './prose.js';
import { toYaml } from './toYaml.js';

const SERVICES = ['checkout', 'payments', 'fraud-check', 'search', 'catalog', 'inventory', 'orders', 'auth', 'notifications', 'ledger', 'shipping', 'recommendations'];
const DEPENDENCIES = ['payments-api', 'fraud-check', 'postgres-primary', 'redis-cache', 'kafka', 'partner-gateway'];
const DATABASES = ['orders', 'ledger', 'catalog', 'users'];
const CLUSTERS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-south-1'];
const WINDOWS = ['1m', '2m', '5m', '10m'];
const PLACEHOLDER = /\{\{\s*inputs\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Bounds the retries of the graph layout (each attempt almost always succeeds). */
const MAX_LAYOUT_ATTEMPTS = 50;

const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s) => s.split('-').map(capitalize).join('');

function uniqueId(base, used) {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** Picks node contents: index 0 and the last non-end node are checks (the start, and a wide fan-out to the ends). */
function pickContents(rng, total, endCount) {
  const inner = total - endCount - 2;
  const actions = Math.max(3, Math.round(inner * 0.3));
  const questions = Math.max(2, Math.round(inner * 0.25));
  const checks = inner - actions - questions;
  const kinds = ['check', ...rng.shuffle([...Array(checks).fill('check'), ...Array(questions).fill('question'), ...Array(actions).fill('action')]), 'check'];
  const ends = rng.shuffle(ENDS).slice(0, endCount);
  const probes = rng.shuffle(PROBES);
  const asks = rng.shuffle(QUESTIONS);
  const todo = rng.shuffle(ACTIONS);
  let p = 0, q = 0, a = 0;
  const contents = kinds.map((kind) => {
    if (kind === 'check') return { kind, probe: probes[p++ % probes.length] };
    if (kind === 'question') return { kind, ask: asks[q++ % asks.length] };
    return { kind, action: todo[a++ % todo.length] };
  });
  return [...contents, ...ends.map((end) => ({ kind: 'end', end }))];
}

function outDegree(c) {
  if (c.kind === 'check') return c.probe.branches.length + 3;
  if (c.kind === 'question') return c.ask.answers.length;
  if (c.kind === 'action') return 1;
  return 0;
}

/**
 * Forward edges only (a DAG over the node order); each node first takes the lowest node nobody
 * targets yet, so every node is reachable from the start. Returns null if some node stayed orphaned.
 */
function layoutEdges(rng, contents) {
  const total = contents.length;
  const targeted = new Set([0]);
  const edges = [];
  for (let j = 0; j < total; j++) {
    const want = outDegree(contents[j]);
    const picks = [];
    const later = [];
    for (let k = j + 1; k < total; k++) later.push(k);
    const firstFree = later.find((k) => !targeted.has(k));
    if (want > 0 && firstFree !== undefined) picks.push(firstFree);
    while (picks.length < want && later.length > 0) {
      const fresh = later.filter((k) => !picks.includes(k));
      const free = fresh.filter((k) => !targeted.has(k));
      const near = fresh.filter((k) => k <= j + 6 || contents[k].kind === 'end');
      if (free.length > 0 && rng.chance(0.5)) picks.push(rng.pick(free));
      else if (near.length > 0) picks.push(rng.pick(near));
      else if (fresh.length > 0) picks.push(rng.pick(fresh));
      else picks.push(rng.pick(later));
    }
    for (const k of picks) targeted.add(k);
    edges.push(rng.shuffle(picks));
  }
  return targeted.size === total ? edges : null;
}

/** The probe's query for this runbook's cluster, with its own rate window: few queries repeat verbatim. */
function queryFor(probe, cluster, rng) {
  const window = rng.pick(WINDOWS);
  return probe.query.replace(/\{(?=[a-z_])/g, `{cluster="${cluster}",`).replace(/\[5m\]/g, `[${window}]`);
}

function checkNode(probe, targets, rng, cluster) {
  const [onNoData, onError, fallback, ...branchTargets] = targets;
  const node = { type: 'check', title: probe.title };
  if (rng.chance(0.3)) node.description = `Reads \`${probe.slug}\` from Prometheus. A missing series usually means the exporter is down, not that all is well.`;
  Object.assign(node, { source: 'prom', query: queryFor(probe, cluster, rng), unit: probe.unit });
  if (probe.reduce) node.reduce = probe.reduce;
  if (probe.compare) node.compare = { offset: probe.compare };
  node.branches = probe.branches.map((b, i) => ({ when: { ...b.when }, next: branchTargets[i], label: b.label }));
  Object.assign(node, { default: fallback, on_no_data: onNoData, on_error: onError });
  return node;
}

function questionNode(ask, targets) {
  return {
    type: 'question', title: ask.title, question: ask.question,
    answers: ask.answers.map((label, i) => ({ label, next: targets[i] })),
  };
}

function actionNode(action, targets) {
  const node = { type: 'action', title: action.title };
  if (action.mitigation) node.mitigation = true;
  node.instructions = `${action.instructions.join('\n')}\n`;
  if (action.links.length > 0) node.links = action.links.map((l) => ({ ...l }));
  node.next = targets[0];
  return node;
}

function endNode(end) {
  const node = { type: 'end', title: end.title, outcome: end.outcome };
  if (end.handoff) node.handoff = end.handoff;
  if (end.summary) node.summary = end.summary;
  return node;
}

function inputsFor(texts, service, rng) {
  const names = new Set(['service']);
  for (const t of texts) for (const m of t.matchAll(PLACEHOLDER)) names.add(m[1]);
  const defaults = { service, namespace: 'production', database: rng.pick(DATABASES), dependency: rng.pick(DEPENDENCIES) };
  const inputs = {};
  for (const name of ['service', 'namespace', 'database', 'dependency']) {
    if (!names.has(name)) continue;
    const spec = INPUT_SPECS[name];
    inputs[name] = { description: spec.description, default: defaults[name], pattern: spec.pattern };
  }
  const unknown = [...names].filter((n) => !(n in INPUT_SPECS));
  if (unknown.length > 0) throw new Error(`generator bug: no input spec for ${unknown.join(', ')}`);
  return inputs;
}

/** Node texts that may hold `{{ inputs.* }}` placeholders. */
function templatedTexts(nodes) {
  return Object.values(nodes).flatMap((n) => [n.query, n.question, n.instructions].filter((t) => typeof t === 'string'));
}

/**
 * One generated runbook: `{ file, runbook, text }`. `runbook` is the parsed form of `text`
 * (generate.js checks that they agree).
 */
export function generateRunbook(index, seed) {
  const rng = createRng(deriveSeed(seed, index));
  const total = rng.int(28, 32);
  const endCount = rng.int(4, 6);
  let contents;
  let edges = null;
  for (let attempt = 0; attempt < MAX_LAYOUT_ATTEMPTS && edges === null; attempt++) {
    contents = pickContents(rng, total, endCount);
    edges = layoutEdges(rng, contents);
  }
  if (edges === null || contents === undefined) throw new Error(`could not lay out runbook ${index} in ${MAX_LAYOUT_ATTEMPTS} attempts`);

  const cluster = rng.pick(CLUSTERS);
  const used = new Set();
  const ids = contents.map((c) => uniqueId(c.kind === 'check' ? c.probe.slug : c.kind === 'question' ? `ask-${c.ask.slug}` : c.kind === 'action' ? c.action.slug : `end-${c.end.slug}`, used));
  const nodes = {};
  contents.forEach((c, i) => {
    const targets = (edges[i] ?? []).map((k) => ids[k]);
    if (c.kind === 'check') nodes[ids[i]] = checkNode(c.probe, targets, rng, cluster);
    else if (c.kind === 'question') nodes[ids[i]] = questionNode(c.ask, targets);
    else if (c.kind === 'action') nodes[ids[i]] = actionNode(c.action, targets);
    else nodes[ids[i]] = endNode(c.end);
  });

  // The mitigation loop: act, then re-check the first symptom; a skipped action moves on.
  const loopAt = contents.findIndex((c, i) => i > 0 && c.kind === 'action' && c.action.mitigation);
  const loop = nodes[ids[loopAt >= 0 ? loopAt : contents.findIndex((c) => c.kind === 'action')]];
  loop.on_skip = loop.next;
  loop.next = ids[0];
  loop.max_visits = 3;

  const service = rng.pick(SERVICES);
  const first = contents[0].probe;
  const number = String(index + 1).padStart(4, '0');
  const runbook = {
    runpath: 1,
    id: `${service}-${first.slug}-${number}`,
    title: `${capitalize(service)}: ${first.title.replace(/\?$/, '').toLowerCase()} (generated #${number})`,
    summary: `Generated for the validate benchmark: triage of ${service} starting from ${first.slug.replace(/-/g, ' ')}.`,
    owners: [`${service}-oncall`],
    tags: ['generated', service, first.slug],
    match: [{ labels: { alertname: `${camel(service)}${camel(first.slug)}`, severity: rng.pick(['page', 'ticket']) } }],
    inputs: inputsFor(templatedTexts(nodes), service, rng),
    sources: { prom: { type: 'prometheus', url: '${PROMETHEUS_URL}' } },
    start: ids[0],
    nodes,
  };
  const text = toYaml(runbook, ['yaml-language-server: $schema=../../../../schemas/runbook.schema.json', 'Generated by bench/validate/generate.js; do not edit.']);
  return { file: `rb-${number}-${runbook.id.slice(0, 40)}.yaml`, runbook, text };
}
