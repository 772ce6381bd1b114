import { describe, expect, it } from 'vitest';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { startWalk } from '../../../src/incidents/commands/startWalk.js';
import { FakeTimeline, alice, bob, commandError } from '../../fixtures/incidents/timeline.js';

function opened(runbook?: string): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, runbook === undefined ? { title: 'A', severity: 'sev2' } : { title: 'A', severity: 'sev2', runbook });
  return t;
}

describe('startWalk', () => {
  it('starts a walk on an incident without one', () => {
    const t = opened();
    const events = t.run(startWalk, { runbook: 'db-latency', inputs: { cluster: 'orders' }, labels: { zone: 'a' } }, bob);
    expect(events.map((e) => [e.type, e.actor])).toEqual([['walk.started', bob], ['step.entered', bob]]);
    expect(events[0]?.data).toEqual({ runbookId: 'db-latency', runbookTitle: 'Database latency is high', inputs: { cluster: 'orders' }, labels: { zone: 'a' } });
    expect(t.incident?.walk).toMatchObject({ startedSeq: 2, labels: { zone: 'a' }, state: { current: 'latency', inputs: { cluster: 'orders' } } });
  });

  it('starts another walk once the last one ended', () => {
    const t = opened('noop');
    t.run(startWalk, { runbook: 'db-latency' });
    expect(t.incident?.walk?.state).toMatchObject({ runbookId: 'db-latency', current: 'latency', path: ['latency'] });
  });

  it('refuses while a walk is in progress, unless the sender names its node to replace it', () => {
    const t = opened('db-latency');
    const err = t.refuse(startWalk, { runbook: 'noop' });
    expect([err.code, err.status]).toEqual(['walk_in_progress', 409]);
    expect(err.message).toBe("a walk of 'db-latency' waits at 'latency'; finish it, or name that node to replace the walk");
    expect(err.details).toMatchObject({ current: 'latency', lastSeq: 3, walk: { runbookId: 'db-latency' } });
    t.run(startWalk, { runbook: 'noop', node: 'latency' });
    expect(t.incident?.walk?.runbookId).toBe('noop');
  });

  it('refuses a replacement that names a node the walk is not at', () => {
    const t = opened('db-latency');
    const err = t.refuse(startWalk, { runbook: 'noop', node: 'verify' });
    expect([err.code, err.status]).toEqual(['stale_node', 409]);
    expect(err.message).toBe("the walk waits at 'latency', not at 'verify'; reload the incident (events after seq 3) and try again");
    const none = opened().refuse(startWalk, { runbook: 'noop', node: 'latency' });
    expect([none.code, none.message]).toEqual(['stale_node', "no walk is in progress, so none waits at 'latency'; leave node out to start one"]);
    const ended = opened('noop').refuse(startWalk, { runbook: 'noop', node: 'done' });
    expect([ended.code, ended.details?.current]).toEqual(['stale_node', null]);
  });

  it('refuses an unknown runbook, bad inputs, a closed or missing incident', () => {
    const t = opened();
    expect(t.refuse(startWalk, { runbook: 'nope' }).code).toBe('unknown_runbook');
    expect(t.refuse(startWalk, { runbook: 'db-latency', inputs: { cluster: 'A' } }).code).toBe('invalid_input');
    expect(t.refuse(startWalk, { runbook: 'db-latency', node: 7 } as never).code).toBe('invalid_command');
    t.run(changeStatus, { to: 'closed' });
    expect(t.refuse(startWalk, { runbook: 'db-latency' }).code).toBe('incident_closed');
    expect(commandError(() => startWalk(undefined, { runbook: 'noop' }, { actor: alice })).code).toBe('not_found');
  });
});
