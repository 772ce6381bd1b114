import { describe, expect, it } from 'vitest';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { runbooks } from '../../fixtures/incidents/runbooks.js';
import { FakeTimeline, alice, commandError } from '../../fixtures/incidents/timeline.js';

describe('openIncident', () => {
  it('records incident.opened with the title trimmed', () => {
    const drafts = openIncident(undefined, { title: '  Checkout 5xx ', severity: 'sev2', summary: 'errors at 8%' }, { actor: alice });
    expect(drafts).toEqual([{ type: 'incident.opened', actor: alice, data: { title: 'Checkout 5xx', severity: 'sev2', summary: 'errors at 8%' } }]);
  });

  it('starts the walk of a named runbook: walk.started with resolved inputs, then the start node', () => {
    const drafts = openIncident(
      undefined,
      { title: 'DB', severity: 'sev1', runbook: 'db-latency', inputs: { region: 'eu' }, labels: { alertname: 'DBSlow' } },
      { actor: alice, runbooks },
    );
    expect(drafts).toEqual([
      { type: 'incident.opened', actor: alice, data: { title: 'DB', severity: 'sev1', runbook: { id: 'db-latency', title: 'Database latency is high' }, inputs: { region: 'eu' } } },
      { type: 'walk.started', actor: alice, data: { runbookId: 'db-latency', runbookTitle: 'Database latency is high', inputs: { cluster: 'main', region: 'eu' }, labels: { alertname: 'DBSlow' } } },
      { type: 'step.entered', actor: alice, data: { node: 'latency', nodeType: 'check', visit: 1 } },
    ]);
  });

  it('records a walk that ends at once', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Nothing', severity: 'sev4', runbook: 'noop' });
    expect(t.events.map((e) => e.type)).toEqual(['incident.opened', 'walk.started', 'step.entered', 'walk.ended']);
    expect(t.incident?.walk?.state.ended).toEqual({ node: 'done', outcome: 'false_alarm', by: 'end' });
  });

  it('refuses to open an incident that exists', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev3' });
    const err = t.refuse(openIncident, { title: 'A', severity: 'sev3' });
    expect([err.code, err.status]).toEqual(['incident_exists', 409]);
    expect(err.message).toContain('incident inc-1 already exists');
    expect(t.events).toHaveLength(1);
  });

  it.each([
    [{ title: '   ', severity: 'sev1' }, 'title is empty; give some text'],
    [{ title: 'two\nlines', severity: 'sev1' }, 'title must be one line; remove the line breaks'],
    [{ title: 'x'.repeat(201), severity: 'sev1' }, 'title is 201 characters long; keep it within 200'],
    [{ title: 42, severity: 'sev1' }, 'title must be a string, not 42'],
    [{ title: 'x', severity: 'critical' }, 'severity is "critical"; use one of sev1, sev2, sev3, sev4'],
    [{ title: 'x', severity: 'sev1', summary: 'y'.repeat(4001) }, 'summary is 4001 characters long; keep it within 4000'],
    [{ title: 'x', severity: 'sev1', inputs: { cluster: 'a' } }, 'inputs and labels are for a runbook walk; name the runbook too'],
    [{ title: 'x', severity: 'sev1', runbook: 'db-latency', inputs: { cluster: 7 } }, 'inputs.cluster must be a string, not 7'],
    [{ title: 'x', severity: 'sev1', runbook: 'db-latency', labels: ['a'] }, 'labels must be an object of strings'],
    [{ title: 'x', severity: 'sev1', runbook: 'db-latency', inputs: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])) }, 'inputs has 65 entries; keep it within 64'],
    [{ title: 'x', severity: 'sev1', runbook: 'db-latency', labels: { a: 'v'.repeat(1025) } }, 'labels.a is 1025 characters long; keep it within 1024'],
  ])('refuses an invalid payload %#', (payload, message) => {
    // The payloads come from JSON: wrong types included on purpose.
    const err = commandError(() => openIncident(undefined, payload as never, { actor: alice, runbooks }));
    expect([err.code, err.status]).toEqual(['invalid_command', 422]);
    expect(err.message).toContain(message);
  });

  it('refuses an unknown runbook and names the ones it has', () => {
    const err = commandError(() => openIncident(undefined, { title: 'x', severity: 'sev1', runbook: 'db' }, { actor: alice, runbooks }));
    expect([err.code, err.status]).toEqual(['unknown_runbook', 422]);
    expect(err.message).toBe("there is no runbook 'db'; use one of 'db-latency', 'noop'");
    expect(err.details?.allowed).toEqual(['db-latency', 'noop']);
    const none = commandError(() => openIncident(undefined, { title: 'x', severity: 'sev1', runbook: 'db' }, { actor: alice }));
    expect(none.message).toBe("there is no runbook 'db'; this server has no runbooks loaded");
  });

  it('refuses inputs the runbook does not accept, with the engine code', () => {
    const err = commandError(() => openIncident(undefined, { title: 'x', severity: 'sev1', runbook: 'db-latency', inputs: { cluster: 'Main!' } }, { actor: alice, runbooks }));
    expect([err.code, err.status]).toEqual(['invalid_input', 422]);
    expect(err.message).toContain("input 'cluster' is 'Main!', which does not match its pattern [a-z]+");
  });
});
