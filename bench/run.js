#!/usr/bin/env node
// `npm run bench`: runs every benchmark (bench/<name>/run.js) in turn, passing the arguments on.
//   npm run build && npm run bench -- [--rounds 7]
// Exits non-zero if any benchmark does.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(HERE, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith('.') && existsSync(path.join(HERE, e.name, 'run.js')))
  .map((e) => e.name)
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n== bench/${name} ==\n`);
  const r = spawnSync(process.execPath, [path.join(HERE, name, 'run.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stderr.write(`bench/${name} failed (${r.error?.message ?? (r.signal ? `killed by ${r.signal}` : `exit ${r.status}`)})\n`);
  }
}
if (benches.length === 0) process.stderr.write('no benchmarks found (bench/<name>/run.js)\n');
process.exitCode = failed > 0 || benches.length === 0 ? 1 : 0;
