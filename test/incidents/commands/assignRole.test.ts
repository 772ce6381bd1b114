import { describe, expect, it } from 'vitest';
import { assignRole } from '../../../src/incidents/commands/assignRole.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { FakeTimeline, alice, commandError } from '../../fixtures/incidents/timeline.js';

function opened(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'A', severity: 'sev2' });
  return t;
}

describe('assignRole', () => {
  it('assigns a free role, then records a handoff with the previous holder', () => {
    const t = opened();
    expect(t.run(assignRole, { role: 'commander', user: ' alice ' })[0]?.data).toEqual({ role: 'commander', user: 'alice' });
    expect(t.run(assignRole, { role: 'commander', user: 'bob' })[0]?.data).toEqual({ role: 'commander', user: 'bob', previous: 'alice' });
    t.run(assignRole, { role: 'scribe', user: 'carol' });
    expect(t.incident?.roles).toEqual({ commander: 'bob', scribe: 'carol' });
  });

  it('refuses the current holder, an unknown role, a blank user', () => {
    const t = opened();
    t.run(assignRole, { role: 'operations', user: 'dave' });
    const same = t.refuse(assignRole, { role: 'operations', user: 'dave' });
    expect([same.code, same.status, same.message]).toEqual(['no_change', 409, 'dave is already the operations of incident inc-1; nothing to change']);
    expect(t.refuse(assignRole, { role: 'boss', user: 'dave' } as never).message).toBe('role is "boss"; use one of commander, communications, operations, scribe');
    expect(t.refuse(assignRole, { role: 'scribe', user: '' }).code).toBe('invalid_command');
    expect(t.refuse(assignRole, { role: 'scribe', user: 'u'.repeat(101) }).code).toBe('invalid_command');
  });

  it('refuses on a closed or missing incident', () => {
    const t = opened();
    t.run(changeStatus, { to: 'closed' });
    expect(t.refuse(assignRole, { role: 'scribe', user: 'carol' }).code).toBe('incident_closed');
    expect(commandError(() => assignRole(undefined, { role: 'scribe', user: 'carol' }, { actor: alice })).status).toBe(404);
  });
});
