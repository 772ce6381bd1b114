import type { LoadResult } from './loadResult.js';
import type { Runbook } from './types.js';
import { parseYamlSafely } from './parseYamlSafely.js';
import { schemaValidator, type SchemaName } from './schemaValidators.js';
import { schemaProblems } from './schemaProblems.js';

/** Parses and schema-checks one runbook file. Lint rules run separately, on the typed result. */
export function loadRunbook(text: string, file: string): LoadResult<Runbook> {
  return loadWithSchema<Runbook>(text, file, 'runbook');
}

/** Parses one YAML file and checks it against one of the shipped schemas. */
export function loadWithSchema<T>(text: string, file: string, schema: SchemaName): LoadResult<T> {
  const parsed = parseYamlSafely(text, file);
  if (parsed.problems.length > 0 || parsed.value === undefined) return { map: parsed.map, problems: parsed.problems };
  const validate = schemaValidator(schema);
  if (validate(parsed.value)) return { value: parsed.value as T, map: parsed.map, problems: [] };
  return { map: parsed.map, problems: schemaProblems(validate.errors ?? [], parsed.value, parsed.map, file) };
}
