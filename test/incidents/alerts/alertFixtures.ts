import type { AlertNotification, ReceivedAlert } from '../../../src/incidents/alerts/alertNotification.js';
import type { Runbook } from '../../../src/runbook/types.js';

/** A firing alert with the given fingerprint and labels (alertname HighErrorRate unless given). */
export function firingAlert(fingerprint: string, labels: Record<string, string> = {}, annotations: Record<string, string> = {}): ReceivedAlert {
  return { fingerprint, status: 'firing', labels: { alertname: 'HighErrorRate', ...labels }, annotations, startsAt: '2024-05-01T11:58:00.000Z' };
}

/** A notification of one group (groupKey from its group labels), firing unless every alert is resolved. */
export function notification(alerts: ReceivedAlert[], groupLabels: Record<string, string> = { alertname: 'HighErrorRate' }): AlertNotification {
  const key = Object.entries(groupLabels).map(([k, v]) => `${k}="${v}"`).join(', ');
  return {
    receiver: 'runpath',
    groupKey: `{}:{${key}}`,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    groupLabels,
    alerts,
  };
}

/** A runbook with one check and an end, matched by `match`, with the given inputs. */
export function matchedRunbook(id: string, match: Runbook['match'], inputs: Runbook['inputs'] = {}): Runbook {
  return {
    runpath: 1,
    id,
    title: `Runbook ${id}`,
    match,
    inputs,
    sources: { demo: { type: 'fixture' } },
    start: 'look',
    nodes: {
      look: { type: 'check', source: 'demo', query: 'errors', branches: [{ when: { op: 'gt', value: 1 }, next: 'done' }], default: 'done', on_no_data: 'done', on_error: 'done' },
      done: { type: 'end', outcome: 'resolved' },
    },
  };
}
