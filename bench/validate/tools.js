// The two commands the benchmark races, and how to tell that each really checked every file.
// Both start a fresh `node` (the same binary) the way a user or CI job runs them; neither goes
// through npx, whose own start-up would dwarf the difference we measure.

import { realpathSync } from 'node:fs';
import path from 'node:path';

/** ajv-cli 5 flags matching runpath's own Ajv options (strict, union types, all errors). */
export function ajvArgs(root, schema, glob) {
  return [
    realpathSync(path.join(root, 'node_modules', '.bin', 'ajv')),
    'validate', '--spec=draft7', '-s', schema, '-d', glob,
    // Our schema's `errorMessage` annotations need a keyword definition under strict mode.
    '-c', './bench/validate/ajv/errorMessageKeyword.js',
    '--strict=true', '--strict-required=false', '--allow-union-types', '--all-errors', '--errors=line',
  ];
}

export function runpathArgs(root, dir) {
  return [path.join(root, 'bin', 'runpath.js'), 'validate', dir, '--format', 'json'];
}

/** What runpath's `--format json` says: `{ files, problems }`, or a reason it is not that. */
export function readRunpathResult(stdout) {
  let parsed;
  try {
    parsed = JSON.parse(stdout);
  } catch {
    return { error: `output is not JSON: ${stdout.slice(0, 200)}` };
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.files !== 'number' || !Array.isArray(parsed.problems)) {
    return { error: 'output is not {"files": n, "problems": [...]}' };
  }
  return { files: parsed.files, problems: parsed.problems };
}

/** ajv-cli prints `<file> valid` per valid file (stdout) and `<file> invalid` plus errors (stderr). */
export function readAjvResult(stdout, stderr) {
  const lines = `${stdout}\n${stderr}`.split('\n');
  return {
    valid: lines.filter((l) => l.endsWith(' valid')).length,
    invalid: lines.filter((l) => l.endsWith(' invalid')).length,
  };
}
