import { Ajv, type ValidateFunction } from 'ajv';
import runbookSchema from '../../schemas/runbook.schema.json' with { type: 'json' };
import testSchema from '../../schemas/runbook-test.schema.json' with { type: 'json' };
import scenarioSchema from '../../schemas/scenario.schema.json' with { type: 'json' };

const SCHEMAS = { runbook: runbookSchema, 'runbook-test': testSchema, scenario: scenarioSchema } as const;

export type SchemaName = 'runbook' | 'runbook-test' | 'scenario';

let ajv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

/** The compiled validator for a shipped schema; compiled once per process, on first use. */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let fn = compiled.get(name);
  if (fn) return fn;
  // verbose: errors carry their parent schema, whose descriptions and property lists feed the messages.
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    // A message annotation, also understood by editors' JSON language services.
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  }
  fn = ajv.compile(SCHEMAS[name]);
  compiled.set(name, fn);
  return fn;
}

/** The raw schema object (for property lists and descriptions). */
export function schemaDocument(name: SchemaName): object {
  return SCHEMAS[name];
}
