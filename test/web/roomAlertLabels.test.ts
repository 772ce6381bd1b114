import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/web/api/apiTypes.js';
import { matchRunbook } from '../../src/incidents/alerts/matchRunbook.js';
import { latestAlertLabels } from '../../src/web/room/alertLabels.js';

function entry(seq: number, type: string, data: unknown): TimelineEntry {
  return { incidentId: 'i', seq, id: `e${seq}`, at: '2026-11-22T00:00:00.000Z', type, actor: { kind: 'alert', source: 'alertmanager' }, data, starred: false };
}

describe('latestAlertLabels', () => {
  it('takes the labels every alert of the newest notification shares', () => {
    const entries = [
      entry(1, 'incident.opened', { title: 't', severity: 'sev2' }),
      entry(2, 'alert.received', { alerts: [{ labels: { alertname: 'Old', team: 'x' } }] }),
      entry(3, 'note.added', { text: 'n' }),
      entry(4, 'alert.received', { alerts: [{ labels: { alertname: 'HighErrorRate', service: 'checkout', pod: 'a' } }, { labels: { alertname: 'HighErrorRate', service: 'checkout', pod: 'b' } }] }),
    ];
    expect(latestAlertLabels(entries)).toEqual({ alertname: 'HighErrorRate', service: 'checkout' });
  });

  it('is undefined without an alert, and suggests the runbook whose match fits best', () => {
    expect(latestAlertLabels([entry(1, 'incident.opened', {})])).toBeUndefined();
    const runbooks = [
      { id: 'generic', match: [{ labels: { alertname: 'HighErrorRate' } }] },
      { id: 'checkout-5xx', match: [{ labels: { alertname: 'HighErrorRate', service: 'checkout' } }] },
      { id: 'other' },
    ];
    expect(matchRunbook(runbooks, { alertname: 'HighErrorRate', service: 'checkout' })?.runbook.id).toBe('checkout-5xx');
    expect(matchRunbook(runbooks, { alertname: 'Nope' })).toBeUndefined();
  });
});
