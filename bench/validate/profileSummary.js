// Turns a V8 .cpuprofile of `runpath validate` into time per phase. Each sample is charged to
// the innermost frame on its stack that belongs to a known phase, so a lint rule calling the
// PromQL parser charges the parser, and ajv's generated validators (no file URL) charge
// "schema validate".

const PHASES = [
  ['GC', (f) => f.functionName === '(garbage collector)'],
  ['idle (waiting for I/O)', (f) => f.functionName === '(idle)'],
  ['module loading', (f) => f.url.startsWith('node:internal/modules') || (f.lineNumber === 0 && f.columnNumber === 0 && f.functionName === '' && f.url !== '')],
  ['PromQL parse (lezer)', (f) => /\/node_modules\/@(lezer|prometheus-io)\//.test(f.url)],
  ['YAML parse (yaml package)', (f) => f.url.includes('/node_modules/yaml/')],
  ['schema compile (ajv)', (f) => /\/node_modules\/(ajv|fast-uri|json-schema-traverse)\//.test(f.url)],
  ['schema validate (ajv generated code)', (f) => f.url === '' && /^validate\d*$/.test(f.functionName)],
  ['PromQL checks (ours)', (f) => /\/dist\/src\/runbook\/(promqlSyntax|lint\/(promql\w*|neutralizeQuery|queryPlaceholders))\.js$/.test(f.url)],
  ['lint rules (ours)', (f) => /\/dist\/src\/runbook\/lint\//.test(f.url)],
  ['YAML safety + source map (ours)', (f) => /\/dist\/src\/runbook\/(parseYamlSafely|nestingDepth|yamlSourceMap)\.js$/.test(f.url)],
  ['schema messages (ours)', (f) => /\/dist\/src\/runbook\/schema\w*\.js$/.test(f.url)],
  ['catalog (ours)', (f) => /\/dist\/src\/runbook\/\w+\.js$/.test(f.url)],
  ['read files', (f) => /\/dist\/src\/cli\/readSourceFiles\.js$/.test(f.url) || f.url === 'node:fs' || f.url.startsWith('node:internal/fs')],
  ['output', (f) => /\/dist\/src\/cli\/format\//.test(f.url)],
  ['V8 (program)', (f) => f.functionName === '(program)'],
];

/** `{ totalMs, phases: [{ phase, ms, share }] }`, largest first. */
export function summarizeProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOf = new Map();
  const classify = (id) => {
    const known = phaseOf.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const own = node ? PHASES.find(([, test]) => test(node.callFrame))?.[0] : undefined;
    const up = parent.get(id);
    const phase = own ?? (up === undefined ? 'other' : classify(up));
    phaseOf.set(id, phase);
    return phase;
  };
  const ms = new Map();
  profile.samples.forEach((id, i) => {
    const phase = classify(id);
    ms.set(phase, (ms.get(phase) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const phases = [...ms].map(([phase, t]) => ({ phase, ms: t, share: t / totalMs })).sort((a, b) => b.ms - a.ms);
  return { totalMs, phases };
}

/** The functions with the most self time, for a closer look. */
export function topFunctions(profile, limit) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    const where = f.url.replace(/^.*\/node_modules\//, '').replace(/^.*\/dist\//, 'dist/');
    const name = `${f.functionName || '(anonymous)'} ${where}${where ? `:${f.lineNumber + 1}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, t]) => ({ name, ms: t }));
}
