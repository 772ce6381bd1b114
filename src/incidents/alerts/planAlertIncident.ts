import { startWalk } from '../../engine/walk.js';
import { WalkError } from '../../engine/walkError.js';
import type { Runbook } from '../../runbook/types.js';
import { COMMAND_LIMITS } from '../commands/commandLimits.js';
import type { OpenIncidentCommand } from '../commands/openIncident.js';
import { alertInputs } from './alertInputs.js';
import { ALERT_LIMITS, type AlertNotification } from './alertNotification.js';
import { alertSeverity } from './alertSeverity.js';
import { alertTitle, pickAnnotation } from './alertTitle.js';
import { clipText } from './clipText.js';
import { commonEntries } from './commonEntries.js';
import { formatAge } from './formatAge.js';
import { matchRunbook } from './matchRunbook.js';

/** The incident a notification opens, and why, in words, for the timeline. */
export interface AlertIncidentPlan {
  open: OpenIncidentCommand;
  reason: string;
}

const labelText = (labels: Readonly<Record<string, string>>): string =>
  Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .join(', ');

/**
 * What to open for a notification no open incident takes: title from the annotations, severity from
 * the `severity` labels, summary from `description`, and the runbook whose `match` best fits the
 * common labels, its inputs filled from them. A runbook whose walk cannot start with those inputs
 * (a pattern they miss, an input with no value) is left out, and the reason says why.
 */
export function planAlertIncident(notification: AlertNotification, runbooks: Iterable<Runbook>, windowMs: number): AlertIncidentPlan {
  const labels = commonEntries(notification.alerts.map((a) => a.labels));
  const annotations = commonEntries(notification.alerts.map((a) => a.annotations));
  const open: OpenIncidentCommand = { title: alertTitle(notification, { labels, annotations }), severity: alertSeverity(notification.alerts) };
  const description = pickAnnotation(notification, annotations, 'description');
  if (description !== undefined) open.summary = clipText(description.trim(), COMMAND_LIMITS.summary);

  const plan = (reason: string, walk?: Pick<OpenIncidentCommand, 'runbook' | 'inputs' | 'labels'>): AlertIncidentPlan => ({
    open: { ...open, ...walk },
    reason: clipText(reason, ALERT_LIMITS.reason),
  });
  const why = `no open incident has this groupKey or saw its fingerprints in the last ${formatAge(windowMs)}`;
  const match = matchRunbook(runbooks, labels);
  if (!match) return plan(`${why}; no runbook's match fits the common labels, so it has no walk`);
  const { runbook, entry } = match;
  const matched = `runbook ${runbook.id} matches {${labelText(entry.labels)}}`;
  const inputs = alertInputs(runbook, labels);
  try {
    startWalk(runbook, inputs);
  } catch (error) {
    if (!(error instanceof WalkError)) throw error;
    return plan(`${why}; ${matched}, but its walk cannot start from the alert's labels (${error.message}), so it has no walk`);
  }
  const filled = Object.keys(inputs).length === 0 ? 'no inputs from labels' : `inputs from labels: ${Object.entries(inputs).map(([k, v]) => `${k}=${v}`).join(', ')}`;
  const walk = { runbook: runbook.id, labels, ...(Object.keys(inputs).length === 0 ? {} : { inputs }) };
  return plan(`${why}; ${matched} (${filled})`, walk);
}
