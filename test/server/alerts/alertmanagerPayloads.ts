// Alertmanager webhook notifications (payload version 4) as tests send them.

export interface PayloadAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  status?: 'firing' | 'resolved';
  startsAt?: string;
  endsAt?: string;
}

/** A notification of one group: groupKey and group labels from `groupBy` (label names), as Alertmanager forms them. */
export function amPayload(alerts: PayloadAlert[], groupBy: string[] = ['alertname'], status?: 'firing' | 'resolved'): Record<string, unknown> {
  const first = alerts[0]?.labels ?? {};
  const groupLabels = Object.fromEntries(groupBy.filter((name) => name in first).map((name) => [name, first[name] ?? '']));
  const key = Object.entries(groupLabels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
  const full = alerts.map((a) => ({
    status: a.status ?? 'firing',
    labels: a.labels,
    annotations: a.annotations ?? {},
    startsAt: a.startsAt ?? '2024-05-01T11:58:00.000Z',
    endsAt: a.endsAt ?? '0001-01-01T00:00:00Z',
    generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
    fingerprint: a.fingerprint,
  }));
  return {
    version: '4',
    groupKey: `{}:{${key}}`,
    truncatedAlerts: 0,
    status: status ?? (full.some((a) => a.status === 'firing') ? 'firing' : 'resolved'),
    receiver: 'runpath',
    groupLabels,
    commonLabels: first,
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: full,
  };
}
