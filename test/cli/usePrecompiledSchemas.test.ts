import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { usePrecompiledSchemas } from '../../src/cli/usePrecompiledSchemas.js';
import { createAjv, schemaDocument, schemaValidator, SCHEMA_NAMES } from '../../src/runbook/schemaValidators.js';

const GENERATED = new URL('../../dist/src/generated/schemaValidators.cjs', import.meta.url);
const BUILT = existsSync(fileURLToPath(GENERATED));
const FIXTURES = fileURLToPath(new URL('../fixtures/perf/', import.meta.url));

describe('usePrecompiledSchemas', () => {
  it('takes nothing when no precompiled validators were built', async () => {
    expect(await usePrecompiledSchemas(pathToFileURL(path.join(tmpdir(), 'no-such-validators.cjs')))).toEqual([]);
  });
});

describe.skipIf(!BUILT)(`validators precompiled by npm run build${BUILT ? '' : ' (skipped: run `npm run build` first)'}`, () => {
  it('are taken for every shipped schema, and report exactly what run-time compiled ones report', async () => {
    expect(await usePrecompiledSchemas(GENERATED)).toEqual(SCHEMA_NAMES);
    const generated = (await import(GENERATED.href) as { default: Record<string, unknown> }).default;
    expect(schemaValidator('runbook')).toBe(generated['runbook']);
    expect(schemaValidator('runbook-test')).toBe(generated['runbook_test']);

    const runtime = createAjv().compile(schemaDocument('runbook'));
    const documents = ['g-schema.yaml', 'c-everything-wrong.yaml', 'a-disk-full.yaml'].map((f) => parse(readFileSync(FIXTURES + f, 'utf8')) as unknown);
    documents.push({ runpath: 2, nodes: { a: { type: 'check', branches: 'x' } } }, 'not a map');
    const precompiled = schemaValidator('runbook');
    for (const doc of documents) {
      expect(precompiled(doc)).toBe(runtime(doc));
      expect(precompiled.errors ?? null).toEqual(runtime.errors ?? null);
    }
    expect(documents.filter((doc) => !runtime(doc))).toHaveLength(3);
  });
});
