import { describe, expect, it } from 'vitest';
import { changeSeverity } from '../../../src/incidents/commands/changeSeverity.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { FakeTimeline, alice, commandError } from '../../fixtures/incidents/timeline.js';

describe('changeSeverity', () => {
  it('records from and to, either way', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev3' });
    expect(t.run(changeSeverity, { to: 'sev1' })[0]?.data).toEqual({ from: 'sev3', to: 'sev1' });
    expect(t.run(changeSeverity, { to: 'sev2' })[0]?.data).toEqual({ from: 'sev1', to: 'sev2' });
    expect(t.incident?.severity).toBe('sev2');
  });

  it('refuses the same severity, an unknown one, a closed or missing incident', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev3' });
    expect([t.refuse(changeSeverity, { to: 'sev3' }).code, t.refuse(changeSeverity, { to: 'sev3' }).status]).toEqual(['no_change', 409]);
    expect(t.refuse(changeSeverity, { to: 'sev0' } as never).code).toBe('invalid_command');
    t.run(changeStatus, { to: 'closed' });
    const closed = t.refuse(changeSeverity, { to: 'sev1' });
    expect([closed.code, closed.status]).toEqual(['incident_closed', 409]);
    expect(closed.message).toBe('incident inc-1 is closed, so changing the severity is refused; reopen it first (status investigating)');
    expect(commandError(() => changeSeverity(undefined, { to: 'sev1' }, { actor: alice })).code).toBe('not_found');
  });
});
