import { describe, expect, it } from 'vitest';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { FakeTimeline, alice, bob, commandError } from '../../fixtures/incidents/timeline.js';

function opened(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'A', severity: 'sev2' });
  return t;
}

describe('changeStatus', () => {
  it('moves forward, with a reason', () => {
    const t = opened();
    const [event] = t.run(changeStatus, { to: 'identified', reason: 'bad deploy' }, bob);
    expect(event).toMatchObject({ type: 'status.changed', actor: bob, data: { from: 'investigating', to: 'identified', reason: 'bad deploy' } });
    expect(t.incident?.status).toBe('identified');
  });

  it('may skip statuses going forward', () => {
    const t = opened();
    t.run(changeStatus, { to: 'resolved' });
    expect(t.incident?.status).toBe('resolved');
  });

  it('reopens a resolved or closed incident, marked as a reopen', () => {
    const t = opened();
    t.run(changeStatus, { to: 'resolved' });
    const [reopen] = t.run(changeStatus, { to: 'investigating', reason: 'errors are back' });
    expect(reopen?.data).toEqual({ from: 'resolved', to: 'investigating', reason: 'errors are back', reopened: true });
    t.run(changeStatus, { to: 'closed' });
    const [again] = t.run(changeStatus, { to: 'investigating' });
    expect(again?.data).toEqual({ from: 'closed', to: 'investigating', reopened: true });
  });

  it('refuses an unknown incident', () => {
    const err = commandError(() => changeStatus(undefined, { to: 'resolved' }, { actor: alice }));
    expect([err.code, err.status]).toEqual(['not_found', 404]);
  });

  it('refuses to stay put', () => {
    const err = opened().refuse(changeStatus, { to: 'investigating' });
    expect([err.code, err.status, err.message]).toEqual(['no_change', 409, 'incident inc-1 is already investigating; nothing to change']);
  });

  it('refuses to go back, and says where it may go', () => {
    const t = opened();
    t.run(changeStatus, { to: 'mitigated' });
    const err = t.refuse(changeStatus, { to: 'identified' });
    expect([err.code, err.status]).toEqual(['invalid_transition', 409]);
    expect(err.message).toBe('the status cannot go back from mitigated to identified: from mitigated it may move to resolved, closed');
    expect(err.details?.allowed).toEqual(['resolved', 'closed']);
    expect(t.refuse(changeStatus, { to: 'investigating' }).code).toBe('invalid_transition');
  });

  it('allows only a reopen from closed', () => {
    const t = opened();
    t.run(changeStatus, { to: 'closed' });
    const err = t.refuse(changeStatus, { to: 'resolved' });
    expect(err.code).toBe('invalid_transition');
    expect(err.message).toContain('a closed incident can only be reopened (to investigating)');
  });

  it('refuses an unknown status and an oversized reason', () => {
    const t = opened();
    expect(t.refuse(changeStatus, { to: 'fixed' } as never).message).toBe('to is "fixed"; use one of investigating, identified, mitigated, resolved, closed');
    expect(t.refuse(changeStatus, { to: 'resolved', reason: 'r'.repeat(1001) }).code).toBe('invalid_command');
  });
});
