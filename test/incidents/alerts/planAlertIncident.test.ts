import { describe, expect, it } from 'vitest';
import { planAlertIncident } from '../../../src/incidents/alerts/planAlertIncident.js';
import { firingAlert, matchedRunbook, notification } from './alertFixtures.js';

const WINDOW = 30 * 60_000;
const checkout = matchedRunbook('checkout-errors', [{ labels: { alertname: 'HighErrorRate', service: 'checkout' } }], {
  service: { default: 'web', pattern: '[a-z-]+' },
  deployment: { default: 'web', label: 'app' },
  region: { default: 'eu' },
});
const generic = matchedRunbook('errors', [{ labels: { alertname: 'HighErrorRate' } }]);

describe('planAlertIncident', () => {
  it('opens with the best-matching runbook, its inputs filled from the common labels', () => {
    const n = notification([
      firingAlert('a', { service: 'checkout', app: 'checkout-api', pod: 'p1', severity: 'critical' }, { summary: 'Checkout errors', description: 'ratio 8%' }),
      firingAlert('b', { service: 'checkout', app: 'checkout-api', pod: 'p2', severity: 'critical' }, { summary: 'Checkout errors', description: 'ratio 8%' }),
    ]);
    const plan = planAlertIncident(n, [generic, checkout], WINDOW);
    expect(plan.open).toEqual({
      title: 'Checkout errors',
      severity: 'sev1',
      summary: 'ratio 8%',
      runbook: 'checkout-errors',
      inputs: { service: 'checkout', deployment: 'checkout-api' },
      labels: { alertname: 'HighErrorRate', service: 'checkout', app: 'checkout-api', severity: 'critical' },
    });
    expect(plan.reason).toBe(
      'no open incident has this groupKey or saw its fingerprints in the last 30m; runbook checkout-errors matches {alertname="HighErrorRate", service="checkout"} (inputs from labels: service=checkout, deployment=checkout-api)',
    );
  });

  it('matches on the labels the alerts share, not one alert\'s', () => {
    const n = notification([firingAlert('a', { service: 'checkout' }), firingAlert('b', { service: 'cart' })]);
    expect(planAlertIncident(n, [checkout, generic], WINDOW).open.runbook).toBe('errors');
  });

  it('opens without a walk, saying why, when the labels do not fit the runbook\'s inputs', () => {
    const bad = planAlertIncident(notification([firingAlert('a', { service: 'checkout', app: 'checkout' })]), [matchedRunbook('strict', [{ labels: { service: 'checkout' } }], { app: { pattern: '[0-9]+' } })], WINDOW);
    expect(bad.open).toEqual({ title: 'HighErrorRate', severity: 'sev3' });
    expect(bad.reason).toContain("runbook strict matches {service=\"checkout\"}, but its walk cannot start from the alert's labels (input 'app' is 'checkout', which does not match its pattern [0-9]+");
    expect(bad.reason).toMatch(/so it has no walk$/);
  });

  it('says when no runbook matches', () => {
    const plan = planAlertIncident(notification([firingAlert('a', { alertname: 'DiskFull' })], { alertname: 'DiskFull' }), [checkout, generic], WINDOW);
    expect(plan.open).toEqual({ title: 'DiskFull', severity: 'sev3' });
    expect(plan.reason).toBe("no open incident has this groupKey or saw its fingerprints in the last 30m; no runbook's match fits the common labels, so it has no walk");
  });

  it('gives the same plan for the same notification (retries must repeat it exactly)', () => {
    const n = notification([firingAlert('a', { service: 'checkout' })]);
    expect(planAlertIncident(n, [checkout, generic], WINDOW)).toEqual(planAlertIncident(structuredClone(n), [generic, checkout], WINDOW));
  });
});
