import { describe, expect, it } from 'vitest';
import { completeAction } from '../../../src/incidents/commands/completeAction.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { recordCheck } from '../../../src/incidents/commands/recordCheck.js';
import { checkValue } from '../../fixtures/incidents/checks.js';
import { FakeTimeline, alice, commandError } from '../../fixtures/incidents/timeline.js';

/** A walk waiting at the mitigation action 'restart'. */
function atRestart(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'A', severity: 'sev2', runbook: 'db-latency' });
  t.run(recordCheck, checkValue(t.incident, 0.9));
  return t;
}

describe('completeAction', () => {
  it('records a done action with the node’s mitigation flag and the note, and moves on', () => {
    const t = atRestart();
    const events = t.run(completeAction, { node: 'restart', result: 'done', note: 'failed over to replica' });
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['action.completed', { node: 'restart', next: 'verify', mitigation: true, note: 'failed over to replica' }],
      ['step.entered', { node: 'verify', nodeType: 'check', visit: 1 }],
    ]);
    expect(t.incident?.figures.timeToMitigate?.seq).toBe(6);
  });

  it('records a skipped action, which follows on_skip', () => {
    const t = atRestart();
    const events = t.run(completeAction, { node: 'restart', result: 'skipped' });
    expect(events.map((e) => e.type)).toEqual(['action.skipped', 'step.entered', 'walk.ended']);
    expect(events[0]?.data).toEqual({ node: 'restart', next: 'escalate' });
    expect(t.incident?.figures.timeToMitigate).toBeUndefined();
  });

  it('refuses a stale node, a node of another kind, a bad result', () => {
    const t = atRestart();
    const stale = t.refuse(completeAction, { node: 'rollback', result: 'done' });
    expect([stale.code, stale.status, stale.details?.current]).toEqual(['stale_node', 409, 'restart']);
    const check = new FakeTimeline();
    check.run(openIncident, { title: 'A', severity: 'sev2', runbook: 'db-latency' });
    expect(check.refuse(completeAction, { node: 'latency', result: 'done' }).code).toBe('wrong_input');
    expect(t.refuse(completeAction, { node: 'restart', result: 'half' } as never).message).toBe('result is "half"; use one of done, skipped');
    expect(t.refuse(completeAction, { node: 'restart', result: 'done', note: 'n'.repeat(10_001) }).code).toBe('invalid_command');
    expect(commandError(() => completeAction(undefined, { node: 'restart', result: 'done' }, { actor: alice })).code).toBe('not_found');
  });

  it('refuses once the walk ended', () => {
    const t = atRestart();
    t.run(completeAction, { node: 'restart', result: 'skipped' });
    expect(t.refuse(completeAction, { node: 'restart', result: 'done' }).code).toBe('walk_ended');
  });
});
