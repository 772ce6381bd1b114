// A real Alertmanager sends its webhook to runpath: alerts pushed to Alertmanager's own API open an
// incident with the matching shipped runbook walking, group onto it, open another incident for
// another group, and resolve (recorded, the incident left open).
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/incidents/incident.js';
import type { TimelineEvent } from '../../../src/incidents/timelineEvent.js';
import { loadServerRunbooks } from '../../../src/server/loadServerRunbooks.js';
import { TOKENS, testApp, type TestApp } from '../../server/support/testApp.js';
import { realPartAvailable } from '../../support/realPart.js';
import { ALERTMANAGER, startAlertmanager, type PushedAlert, type RunningAlertmanager } from './alertmanagerHarness.js';

const AVAILABLE = realPartAvailable(ALERTMANAGER);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
/** Every wait for Alertmanager is bounded by this (group_wait is 1s, group_interval 2s). */
const WAIT_MS = 20_000;

/** Matches checkout-5xx (`{ alertname: HTTPHighErrorRatio, service: checkout }`); `app` fills its deployment input. */
const errorsOn = (instance: string): PushedAlert => ({
  labels: { alertname: 'HTTPHighErrorRatio', service: 'checkout', app: 'checkout-web', namespace: 'shop', severity: 'critical', instance },
  annotations: { summary: 'Checkout 5xx ratio above 5%', description: 'The 5xx ratio of checkout is 12% over 5 minutes.' },
});

/** Polls `probe` every 100 ms until it returns something, for at most WAIT_MS. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, am: RunningAlertmanager): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS / 1000}s for ${what}; alertmanager's log:\n${am.log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!AVAILABLE)('a real Alertmanager posting to POST /api/alerts/alertmanager', () => {
  let t: TestApp;
  let server: Server;
  let am: RunningAlertmanager;
  let first: Incident | undefined;

  const incidents = async (): Promise<Incident[]> => {
    const listed = await t.service.list('viewer');
    const ids = (listed.body as { incidents: { id: string }[] }).incidents.map((i) => i.id);
    return Promise.all(ids.map(async (id) => (await t.service.get(id, 'viewer')).body as Incident));
  };
  const alertEvents = async (id: string): Promise<TimelineEvent[]> => (await t.store.read(id, 0)).filter((e) => e.type.startsWith('alert.'));
  const incidentWith = async (groupKeyPart: string): Promise<Incident | undefined> =>
    (await incidents()).find((i) => i.alerts?.groupKeys.some((k) => k.includes(groupKeyPart)));

  beforeAll(async () => {
    const { catalog } = await loadServerRunbooks('runbooks', REPO);
    t = testApp({ catalog });
    server = createServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    am = await startAlertmanager({ webhookUrl: `http://127.0.0.1:${port}/api/alerts/alertmanager`, token: TOKENS.responder, groupBy: ['alertname', 'service'] });
  }, 30_000);

  afterAll(async () => {
    await am.stop();
    await new Promise((resolve) => server.close(resolve));
  }, 30_000);

  it('opens an incident for a new group, with the matching shipped runbook walking', async () => {
    await am.push([errorsOn('pod-a')]);
    first = await waitFor('the first incident', () => incidentWith('alertname="HTTPHighErrorRatio"'), am);
    expect(first).toMatchObject({
      title: 'Checkout 5xx ratio above 5%',
      severity: 'sev1',
      summary: 'The 5xx ratio of checkout is 12% over 5 minutes.',
      openedBy: { kind: 'alert', source: 'alertmanager' },
      walk: { runbookId: 'checkout-5xx', state: { inputs: { service: 'checkout', namespace: 'shop', deployment: 'checkout-web' } } },
    });
    expect(first.walk?.state.current).toBe('error-rate');
    expect(first.alerts?.groupKeys).toEqual(['{}:{alertname="HTTPHighErrorRatio", service="checkout"}']);
    const [received] = await alertEvents(first.id);
    expect(received).toMatchObject({ type: 'alert.received', actor: { kind: 'alert', source: 'alertmanager' }, data: { receiver: 'runpath', status: 'firing', grouping: { decision: 'opened' } } });
    expect(received?.key).toMatch(/^alertmanager:/);
  }, 30_000);

  it('groups a second alert of the same group onto that incident', async () => {
    const id = first?.id ?? '';
    await am.push([errorsOn('pod-b')]);
    const grouped = await waitFor('the notification with both alerts', async () => (await alertEvents(id)).find((e) => (e.data as { alerts: unknown[] }).alerts.length === 2), am);
    expect(grouped.data).toMatchObject({ status: 'firing', grouping: { decision: 'grouped', by: 'group_key' } });
    expect((await incidentWith('alertname="HTTPHighErrorRatio"'))?.alerts?.firing).toHaveLength(2);
    expect((await incidents()).filter((i) => i.alerts?.groupKeys.some((k) => k.includes('HTTPHighErrorRatio')))).toHaveLength(1);
  }, 30_000);

  it('opens another incident for another group', async () => {
    await am.push([{ labels: { alertname: 'CheckoutHighLatency', service: 'checkout', severity: 'warning' }, annotations: { summary: 'Checkout p99 above 2s' } }]);
    const other = await waitFor('the second incident', () => incidentWith('alertname="CheckoutHighLatency"'), am);
    expect(other.id).not.toBe(first?.id);
    expect(other).toMatchObject({ title: 'Checkout p99 above 2s', severity: 'sev3', walk: { runbookId: 'slow-dependency' } });
    expect(await incidents()).toHaveLength(2);
  }, 30_000);

  it('records alert.resolved when the alerts end, and leaves the incident open', async () => {
    const id = first?.id ?? '';
    const ended = new Date(Date.now() - 1000).toISOString();
    await am.push([{ ...errorsOn('pod-a'), endsAt: ended }, { ...errorsOn('pod-b'), endsAt: ended }]);
    const resolved = await waitFor('alert.resolved', async () => (await alertEvents(id)).find((e) => e.type === 'alert.resolved'), am);
    expect(resolved.data).toMatchObject({ groupKey: '{}:{alertname="HTTPHighErrorRatio", service="checkout"}', grouping: { decision: 'grouped', by: 'group_key' } });
    expect((resolved.data as { fingerprints: string[] }).fingerprints).toHaveLength(2);
    const after = (await t.service.get(id, 'viewer')).body as Incident;
    expect(after.status).toBe('investigating');
    expect(after.alerts?.firing).toEqual([]);
  }, 30_000);
});
