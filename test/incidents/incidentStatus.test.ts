import { describe, expect, it } from 'vitest';
import { allowedStatusMoves, isIncidentStatus, statusMove } from '../../src/incidents/incidentStatus.js';

describe('statusMove', () => {
  it('allows forward moves, skipping included', () => {
    expect(statusMove('investigating', 'identified')).toBe('forward');
    expect(statusMove('investigating', 'mitigated')).toBe('forward');
    expect(statusMove('resolved', 'closed')).toBe('forward');
  });

  it('allows a reopen from resolved or closed only', () => {
    expect(statusMove('resolved', 'investigating')).toBe('reopen');
    expect(statusMove('closed', 'investigating')).toBe('reopen');
    expect(statusMove('mitigated', 'investigating')).toBeUndefined();
  });

  it('refuses other backward moves and standing still', () => {
    expect(statusMove('mitigated', 'identified')).toBeUndefined();
    expect(statusMove('closed', 'resolved')).toBeUndefined();
    expect(statusMove('identified', 'identified')).toBeUndefined();
  });

  it('lists the moves from each status', () => {
    expect(allowedStatusMoves('investigating')).toEqual(['identified', 'mitigated', 'resolved', 'closed']);
    expect(allowedStatusMoves('mitigated')).toEqual(['resolved', 'closed']);
    expect(allowedStatusMoves('resolved')).toEqual(['investigating', 'closed']);
    expect(allowedStatusMoves('closed')).toEqual(['investigating']);
  });

  it('recognizes statuses', () => {
    expect(isIncidentStatus('closed')).toBe(true);
    expect(isIncidentStatus('open')).toBe(false);
  });
});
