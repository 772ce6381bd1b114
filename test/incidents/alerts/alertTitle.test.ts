import { describe, expect, it } from 'vitest';
import { alertTitle } from '../../../src/incidents/alerts/alertTitle.js';
import { commonEntries } from '../../../src/incidents/alerts/commonEntries.js';
import { firingAlert, notification } from './alertFixtures.js';

function titleOf(n: ReturnType<typeof notification>): string {
  return alertTitle(n, { labels: commonEntries(n.alerts.map((a) => a.labels)), annotations: commonEntries(n.alerts.map((a) => a.annotations)) });
}

describe('alertTitle', () => {
  it('takes the summary annotation, else title, on one line', () => {
    expect(titleOf(notification([firingAlert('a', {}, { summary: 'Checkout\n  fails   5% ', title: 'T' })]))).toBe('Checkout fails 5%');
    expect(titleOf(notification([firingAlert('a', {}, { title: 'Errors up' })]))).toBe('Errors up');
  });

  it('prefers the summary the alerts agree on, else the first alert\'s', () => {
    const agreed = notification([firingAlert('a', {}, { summary: 'same' }), firingAlert('b', {}, { summary: 'same' })]);
    expect(titleOf(agreed)).toBe('same');
    expect(titleOf(notification([firingAlert('a', {}, { description: 'd' }), firingAlert('b', {}, { summary: 'second' })]))).toBe('second');
  });

  it('falls back to the alert name and the group labels', () => {
    const n = notification([firingAlert('a', { service: 'checkout' })], { alertname: 'HighErrorRate', service: 'checkout' });
    expect(titleOf(n)).toBe('HighErrorRate (service=checkout)');
    expect(titleOf(notification([{ ...firingAlert('a'), labels: { job: 'x' } }], {}))).toBe('Alert from runpath');
  });

  it('keeps a long title within 200 characters', () => {
    const title = titleOf(notification([firingAlert('a', {}, { summary: 'x'.repeat(500) })]));
    expect(title).toHaveLength(200);
    expect(title.endsWith('…')).toBe(true);
  });
});
