import { describe, expect, it } from 'vitest';
import { matchRunbook } from '../../../src/incidents/alerts/matchRunbook.js';
import { matchedRunbook } from './alertFixtures.js';

describe('matchRunbook', () => {
  const byName = matchedRunbook('by-name', [{ labels: { alertname: 'HighErrorRate' } }]);
  const byService = matchedRunbook('by-service', [{ labels: { alertname: 'Other' } }, { labels: { alertname: 'HighErrorRate', service: 'checkout' } }]);
  const alsoByName = matchedRunbook('a-also-by-name', [{ labels: { alertname: 'HighErrorRate' } }]);

  it('fits an entry when every label it lists equals the alert\'s', () => {
    expect(matchRunbook([byName], { alertname: 'HighErrorRate', service: 'cart' })?.runbook.id).toBe('by-name');
    expect(matchRunbook([byService], { alertname: 'HighErrorRate', service: 'cart' })).toBeUndefined();
    expect(matchRunbook([byService], { alertname: 'HighErrorRate' })).toBeUndefined();
    expect(matchRunbook([byName], { alertname: 'highErrorRate' })).toBeUndefined();
  });

  it('picks the fitting entry with the most labels, whatever the order of runbooks', () => {
    const labels = { alertname: 'HighErrorRate', service: 'checkout' };
    expect(matchRunbook([byName, byService], labels)).toEqual({ runbook: byService, entry: { labels } });
    expect(matchRunbook([byService, byName], labels)?.runbook.id).toBe('by-service');
  });

  it('breaks ties by runbook id', () => {
    expect(matchRunbook([byName, alsoByName], { alertname: 'HighErrorRate' })?.runbook.id).toBe('a-also-by-name');
    expect(matchRunbook([alsoByName, byName], { alertname: 'HighErrorRate' })?.runbook.id).toBe('a-also-by-name');
  });

  it('never fits an entry without labels, nor a runbook without match', () => {
    expect(matchRunbook([matchedRunbook('empty', [{ labels: {} }]), matchedRunbook('none', undefined)], { alertname: 'X' })).toBeUndefined();
  });

  it('does not take inherited properties for labels', () => {
    expect(matchRunbook([matchedRunbook('proto', [{ labels: { toString: 'x' } }])], {})).toBeUndefined();
  });
});
