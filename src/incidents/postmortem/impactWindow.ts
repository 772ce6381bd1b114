import type { IncidentFigures } from '../incident.js';
import { duration } from './formatExactDuration.js';
import type { AlertEntry, ImpactWindow } from './postmortem.js';

/** The earliest parseable startsAt of the first notification that received alerts, with its seq. */
function firstAlertStart(alerts: readonly AlertEntry[]): { at: string; seq: number } | undefined {
  const first = alerts.find((entry) => entry.kind === 'received' && entry.alerts.length > 0);
  if (!first) return undefined;
  let earliest: number | undefined;
  for (const alert of first.alerts) {
    const at = Date.parse(alert.startsAt);
    if (Number.isFinite(at) && (earliest === undefined || at < earliest)) earliest = at;
  }
  return earliest === undefined ? undefined : { at: new Date(earliest).toISOString(), seq: first.seq };
}

/**
 * When users were affected, as far as the timeline knows: from the first alert's startsAt (it
 * fired before anyone opened anything), else the opening, to the mitigation and to the resolution.
 */
export function impactWindow(opened: { at: string; seq: number }, figures: IncidentFigures, alerts: readonly AlertEntry[]): ImpactWindow {
  const alertStart = firstAlertStart(alerts);
  const start = alertStart ? { ...alertStart, basis: 'first_alert' as const } : { ...opened, basis: 'opened' as const };
  const from = Date.parse(start.at);
  const since = (at: string): ReturnType<typeof duration> => duration(Date.parse(at) - from);
  const window: ImpactWindow = { start };
  const { timeToMitigate: mitigated, timeToResolve: resolved } = figures;
  if (mitigated) window.mitigated = { at: mitigated.at, seq: mitigated.seq, afterStart: since(mitigated.at) };
  if (resolved) window.resolved = { at: resolved.at, seq: resolved.seq, afterStart: since(resolved.at) };
  const end = window.mitigated ? 'mitigated' : window.resolved ? 'resolved' : undefined;
  if (end !== undefined) {
    window.until = end;
    window.duration = (end === 'mitigated' ? window.mitigated : window.resolved)?.afterStart ?? duration(0);
  }
  return window;
}
