import { describe, expect, it } from 'vitest';
import { alertSeverity, severityOfLabel } from '../../../src/incidents/alerts/alertSeverity.js';

describe('alert severity', () => {
  it.each([
    ['critical', 'sev1'], ['high', 'sev2'], ['error', 'sev2'], ['major', 'sev2'], ['warning', 'sev3'], ['info', 'sev4'], ['low', 'sev4'],
    ['sev1', 'sev1'], ['sev4', 'sev4'], ['CRITICAL', 'sev1'], [' Warning ', 'sev3'],
  ])('maps severity=%s to %s', (label, severity) => {
    expect(severityOfLabel(label)).toBe(severity);
  });

  it('knows no other values', () => {
    expect(severityOfLabel('page')).toBeUndefined();
    expect(severityOfLabel('sev5')).toBeUndefined();
    expect(severityOfLabel('constructor')).toBeUndefined();
  });

  it('takes the most severe alert, and sev3 when no alert has a known severity', () => {
    expect(alertSeverity([{ labels: { severity: 'warning' } }, { labels: { severity: 'critical' } }, { labels: {} }])).toBe('sev1');
    expect(alertSeverity([{ labels: { severity: 'info' } }, { labels: { severity: 'nonsense' } }])).toBe('sev4');
    expect(alertSeverity([{ labels: {} }, { labels: { severity: 'page' } }])).toBe('sev3');
  });
});
