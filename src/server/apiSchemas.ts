import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import openIncidentSchema from '../../schemas/api/open-incident.schema.json' with { type: 'json' };
import sessionSchema from '../../schemas/api/session.schema.json' with { type: 'json' };
import stringsSchema from '../../schemas/api/strings.schema.json' with { type: 'json' };
import timelineCommandSchema from '../../schemas/api/timeline-command.schema.json' with { type: 'json' };
import walkCommandSchema from '../../schemas/api/walk-command.schema.json' with { type: 'json' };
import walkPreviewSchema from '../../schemas/api/walk-preview.schema.json' with { type: 'json' };
import { ApiError } from './apiError.js';
import type { ApiBodies } from './apiBodies.js';

const SCHEMAS = {
  'open-incident': openIncidentSchema,
  'timeline-command': timelineCommandSchema,
  'walk-command': walkCommandSchema,
  'walk-preview': walkPreviewSchema,
  session: sessionSchema,
} as const;

export type ApiSchemaName = keyof typeof SCHEMAS & keyof ApiBodies;

// Compiled once per process, at first import: handlers only ever see validated input.
const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true });
ajv.addSchema(stringsSchema);
const VALIDATORS = Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)])) as Record<ApiSchemaName, ValidateFunction>;

/** The raw schema document (its `oneOf` lists the command types). */
export function apiSchemaDocument(name: ApiSchemaName): object {
  return SCHEMAS[name];
}

function place(error: ErrorObject): string {
  if (error.instancePath === '') return 'the body';
  return error.instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`), '');
}

function allowedFields(error: ErrorObject): string {
  const schema: unknown = error.parentSchema;
  const properties = typeof schema === 'object' && schema !== null && 'properties' in schema ? (schema as { properties: object }).properties : {};
  return Object.keys(properties).join(', ');
}

/** One line per problem, saying what to change. */
export function describeSchemaError(error: ErrorObject): string {
  const where = place(error);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where} has an unknown field ${JSON.stringify(params.additionalProperty)}; allowed: ${allowedFields(error)}`;
    case 'required':
      return `${where} needs the field ${JSON.stringify(params.missingProperty)}`;
    case 'enum':
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case 'discriminator':
      return params.error === 'mapping'
        ? `${where}.${String(params.tag)} names no known type; use one of the documented types`
        : `${where} needs a string field ${JSON.stringify(params.tag)} naming its type`;
    default:
      return `${where} ${error.message ?? 'is not valid'}`;
  }
}

/**
 * Checks `value` against an API schema; throws ApiError 400 `invalid_request` listing (up to five)
 * problems. Returns the value as its schema's type (apiBodies.ts).
 */
export function validateApiBody<N extends ApiSchemaName>(name: N, value: unknown): ApiBodies[N] {
  const validate = VALIDATORS[name];
  if (validate(value)) return value as ApiBodies[N];
  const lines = [...new Set((validate.errors ?? []).map(describeSchemaError))];
  const shown = lines.slice(0, 5).join('; ');
  const more = lines.length > 5 ? ` (and ${lines.length - 5} more)` : '';
  throw new ApiError(400, 'invalid_request', `${shown}${more}`, { problems: lines.slice(0, 20) });
}
