#!/usr/bin/env node
// Bundles the browser client (src/web) into dist/web: one minified, content-hashed JS file and one CSS
// file under assets/, and index.html naming them. Nothing is loaded from a CDN: every dependency is in
// the bundle. `--watch` rebuilds on change (for working on the UI with `npm start` in another terminal).
// Prints the size of what a browser downloads (gzipped), the figure bench/ui checks against its budget.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, 'dist/web');
const watch = process.argv.includes('--watch');

/** Writes index.html naming the hashed assets esbuild produced. */
function writeIndex(metafile) {
  const relative = (file) => path.relative(outDir, path.resolve(root, file));
  const entry = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint !== undefined);
  const js = entry && relative(entry[0]);
  const css = entry?.[1].cssBundle && relative(entry[1].cssBundle);
  if (!js || !css) throw new Error(`the web build produced no ${js ? 'CSS' : 'JS'} file; outputs: ${Object.keys(metafile.outputs).join(', ')}`);
  // Chunks the entry imports statically are fetched with it, not after it has been parsed.
  const statics = (entry[1].imports ?? []).filter((imported) => imported.kind === 'import-statement').map((imported) => relative(imported.path));
  const preloads = statics.map((file) => `  <link rel="modulepreload" href="/${file}">`).join('\n');
  const lazy = Object.keys(metafile.outputs).map(relative).filter((file) => file.endsWith('.js') && file !== js && !statics.includes(file));
  const template = readFileSync(path.join(root, 'src/web/index.html'), 'utf8');
  const html = template.replace('%APP_CSS%', `/${css}`).replace('%APP_JS%', `/${js}`).replace('%APP_PRELOADS%', preloads);
  writeFileSync(path.join(outDir, 'index.html'), html);
  const gzipped = (file) => gzipSync(readFileSync(path.join(outDir, file))).length;
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const first = [js, ...statics].reduce((sum, file) => sum + gzipped(file), 0);
  const later = lazy.reduce((sum, file) => sum + gzipped(file), 0);
  console.log(`web: dist/web/${js}: first paint ${kib(first)} JS + ${kib(gzipped(css))} CSS gzipped; ${lazy.length} chunks loaded after it, ${kib(later)} gzipped`);
}

const options = {
  absWorkingDir: root,
  entryPoints: { app: 'src/web/main.tsx' },
  bundle: true,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  platform: 'browser',
  minify: !watch,
  sourcemap: 'linked',
  legalComments: 'linked',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  outdir: outDir,
  entryNames: 'assets/[name]-[hash]',
  // The tree (dagre) and the Markdown renderer load after the first paint: see src/web/main.tsx.
  splitting: true,
  chunkNames: 'assets/[name]-[hash]',
  metafile: true,
  define: { 'process.env.NODE_ENV': watch ? '"development"' : '"production"' },
  logLevel: 'warning',
  plugins: [{
    name: 'index-html',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length === 0 && result.metafile) writeIndex(result.metafile);
      });
    },
  }],
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('web: watching src/web for changes');
} else {
  await esbuild.build(options);
}
