import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { SCHEMA_NAMES, usePrecompiledValidators, type SchemaName } from '../runbook/schemaValidators.js';

/** Where `npm run build` (scripts/build-validators.js) writes the precompiled validators. */
const GENERATED = new URL('../generated/schemaValidators.cjs', import.meta.url);

/**
 * Uses the schema validators precompiled at build time, when there are any (the compiled CLI in
 * dist/; not the TypeScript sources, which compile the schemas on first use as before).
 * Returns the schemas taken.
 */
export async function usePrecompiledSchemas(url: URL = GENERATED): Promise<SchemaName[]> {
  if (!existsSync(fileURLToPath(url))) return [];
  const loaded: unknown = await import(url.href);
  const exported = field(loaded, 'default');
  const schemas = field(exported, 'schemas');
  const validators: Partial<Record<SchemaName, { validate: ValidateFunction; schema: string }>> = {};
  for (const name of SCHEMA_NAMES) {
    const key = name.replace(/[^A-Za-z0-9_]/g, '_');
    const validate = field(exported, key);
    const schema = field(schemas, key);
    if (typeof validate === 'function' && typeof schema === 'string') validators[name] = { validate: validate as ValidateFunction, schema };
  }
  return usePrecompiledValidators(validators);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
