import { Ajv, type Options, type ValidateFunction } from 'ajv';
import runbookSchema from '../../schemas/runbook.schema.json' with { type: 'json' };
import testSchema from '../../schemas/runbook-test.schema.json' with { type: 'json' };
import scenarioSchema from '../../schemas/scenario.schema.json' with { type: 'json' };

const SCHEMAS = { runbook: runbookSchema, 'runbook-test': testSchema, scenario: scenarioSchema } as const;

export type SchemaName = keyof typeof SCHEMAS;
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];

let ajv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/**
 * The one Ajv configuration: used to compile at run time, and by scripts/build-validators.js to
 * precompile the same validators at build time (`extra` adds its code-generation options).
 */
export function createAjv(extra: Pick<Options, 'code'> = {}): Ajv {
  // verbose: errors carry their parent schema, whose descriptions and property lists feed the messages.
  const instance = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, ...extra });
  // A message annotation, also understood by editors' JSON language services.
  instance.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  return instance;
}

/** The compiled validator for a shipped schema; compiled once per process, on first use. */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name);
  if (fn) return fn;
  ajv ??= createAjv();
  fn = ajv.compile(SCHEMAS[name]);
  compiled.set(name, fn);
  return fn;
}

/**
 * Validators compiled at build time (compiling them at start takes ~100 ms per thread), each with
 * the schema text it was compiled from. One whose schema has changed since is ignored, and that
 * schema is compiled at run time as before. Returns the names taken.
 */
export function usePrecompiledValidators(validators: Partial<Record<SchemaName, { validate: ValidateFunction; schema: string }>>): SchemaName[] {
  const taken: SchemaName[] = [];
  for (const name of SCHEMA_NAMES) {
    const v = validators[name];
    if (v === undefined || compiled.has(name) || v.schema !== JSON.stringify(SCHEMAS[name])) continue;
    compiled.set(name, v.validate);
    taken.push(name);
  }
  return taken;
}

/** The raw schema object (for property lists and descriptions). */
export function schemaDocument(name: SchemaName): object {
  return SCHEMAS[name];
}
