import { describe, expect, it } from 'vitest';
import { COMMAND_LIMITS } from '../../src/incidents/commands/commandLimits.js';
import { INCIDENT_ROLES } from '../../src/incidents/incidentRole.js';
import { INCIDENT_STATUSES } from '../../src/incidents/incidentStatus.js';
import { SEVERITIES } from '../../src/incidents/severity.js';
import { apiSchemaDocument, validateApiBody } from '../../src/server/apiSchemas.js';

type Json = Record<string, unknown>;

function branch(name: 'timeline-command' | 'walk-command', type: string): Json {
  const oneOf = (apiSchemaDocument(name) as { oneOf: Json[] }).oneOf;
  const found = oneOf.find((b) => (b.properties as Record<string, Json>).type?.const === type);
  if (!found) throw new Error(`no ${type} in ${name}`);
  return found.properties as Json;
}

const maxLength = (properties: Json, field: string): unknown => (properties[field] as Json).maxLength;

describe('API schemas', () => {
  it('bound fields by the same limits the core enforces', () => {
    const open = (apiSchemaDocument('open-incident') as { properties: Json }).properties;
    expect(maxLength(open, 'title')).toBe(COMMAND_LIMITS.title);
    expect(maxLength(open, 'summary')).toBe(COMMAND_LIMITS.summary);
    expect(maxLength(branch('timeline-command', 'note'), 'text')).toBe(COMMAND_LIMITS.note);
    expect(maxLength(branch('timeline-command', 'status'), 'reason')).toBe(COMMAND_LIMITS.reason);
    expect(maxLength(branch('timeline-command', 'redact'), 'reason')).toBe(COMMAND_LIMITS.reason);
    expect(maxLength(branch('timeline-command', 'role'), 'user')).toBe(COMMAND_LIMITS.user);
    expect(maxLength(branch('walk-command', 'answer'), 'label')).toBe(COMMAND_LIMITS.label);
    expect(maxLength(branch('walk-command', 'answer'), 'node')).toBe(COMMAND_LIMITS.node);
    expect(maxLength(branch('walk-command', 'complete_action'), 'note')).toBe(COMMAND_LIMITS.note);
  });

  it('list the same severities, statuses and roles as the core', () => {
    expect(((apiSchemaDocument('open-incident') as { properties: Json }).properties.severity as Json).enum).toEqual([...SEVERITIES]);
    expect((branch('timeline-command', 'severity').to as Json).enum).toEqual([...SEVERITIES]);
    expect((branch('timeline-command', 'status').to as Json).enum).toEqual([...INCIDENT_STATUSES]);
    expect((branch('timeline-command', 'role').role as Json).enum).toEqual([...INCIDENT_ROLES]);
  });

  it('bound the inputs and labels maps', () => {
    const many = Object.fromEntries(Array.from({ length: COMMAND_LIMITS.mapEntries + 1 }, (_, i) => [`k${i}`, 'v']));
    expect(() => validateApiBody('open-incident', { title: 'x', severity: 'sev1', runbook: 'r', inputs: many })).toThrow(/more than 64 properties/);
    expect(() => validateApiBody('open-incident', { title: 'x', severity: 'sev1', runbook: 'r', labels: { a: 'x'.repeat(COMMAND_LIMITS.mapValue + 1) } })).toThrow(/labels\.a/);
    expect(validateApiBody('open-incident', { title: 'x', severity: 'sev1', runbook: 'r', inputs: { a: 'b' } })).toEqual({ title: 'x', severity: 'sev1', runbook: 'r', inputs: { a: 'b' } });
  });

  it('say which field is wrong and how', () => {
    expect(() => validateApiBody('walk-command', { type: 'complete_action', node: 'n', result: 'maybe' })).toThrow(/result must be one of "done", "skipped"/);
    expect(() => validateApiBody('walk-command', { type: 'answer', node: 'n' })).toThrow(/needs the field "label"/);
    expect(() => validateApiBody('session', { token: 'x', user: 'y' })).toThrow(/unknown field "user"; allowed: token/);
  });
});
