import { FOLLOW_UP_KINDS, type FollowUpKind } from '../followUpKind.js';
import type { Milestone } from '../incident.js';
import { typedEvent } from '../parseIncidentEvent.js';
import { reduceIncident } from '../reduceIncident.js';
import type { TimelineEvent } from '../timelineEvent.js';
import { actorLabel } from '../actorLabel.js';
import { alertEntries } from './alertEntries.js';
import { describeEntry } from './describeEntry.js';
import { duration } from './formatExactDuration.js';
import { impactWindow } from './impactWindow.js';
import { pinnedRunbooks, type PinnedRunbook } from './pinnedRunbooks.js';
import {
  type ActionTaken,
  type FeedbackEntry,
  type FollowUp,
  type KeyTime,
  type Postmortem,
  type PostmortemNote,
  type RoleAssignment,
  type RunbookVersion,
  type SeverityChange,
  type StatusChange,
  type WalkReport,
} from './postmortem.js';
import { redactedTimeline } from './redactedTimeline.js';
import { walkReports } from './walkReports.js';

const keyTime = (milestone: Milestone | undefined): KeyTime | undefined =>
  milestone && { seq: milestone.seq, at: milestone.at, afterOpening: duration(milestone.afterMs) };

/** Text a person typed, unless its entry was redacted (or the text is empty). */
const shown = (text: string | undefined, redacted: boolean): { text?: string } => (redacted || text === undefined || text === '' ? {} : { text });

function actionsTaken(walks: readonly WalkReport[]): ActionTaken[] {
  const taken: ActionTaken[] = [];
  for (const walk of walks) {
    for (const step of walk.steps) {
      const result = step.result;
      if (result?.kind !== 'action' || !result.done) continue;
      taken.push({
        seq: result.seq,
        at: result.at,
        actor: result.actor,
        runbookId: walk.runbookId,
        node: step.node,
        ...(step.title === undefined ? {} : { title: step.title }),
        mitigation: result.mitigation,
        ...(result.note === undefined ? {} : { note: result.note }),
        redacted: result.redacted,
      });
    }
  }
  // Mitigations first (what stopped the impact), each group in timeline order.
  return taken.sort((a, b) => Number(b.mitigation) - Number(a.mitigation) || a.seq - b.seq);
}

function runbookVersions(walks: readonly WalkReport[], pins: ReadonlyMap<string, PinnedRunbook>): RunbookVersion[] {
  const versions = new Map<string, RunbookVersion>();
  for (const walk of walks) {
    const key = `${walk.runbookId}\u0000${walk.runbookHash ?? ''}`;
    const known = versions.get(key);
    if (known) {
      known.walks.push(walk.seq);
      continue;
    }
    const pin = walk.runbookHash === undefined ? undefined : pins.get(walk.runbookHash);
    versions.set(key, {
      runbookId: walk.runbookId,
      ...(walk.runbookHash === undefined ? {} : { hash: walk.runbookHash }),
      ...(pin === undefined ? {} : { pinnedSeq: pin.seq, ...(pin.file === undefined ? {} : { file: pin.file }) }),
      walks: [walk.seq],
    });
  }
  return [...versions.values()];
}

/**
 * A blameless postmortem draft from an incident's timeline: what happened, in what order, what
 * was known at each step and who did it, with the figures the fold computes. Built from the view
 * a viewer gets, and with every redacted entry's text dropped even when the events given are an
 * admin's: redacted text never reaches a postmortem. Pure; the timeline must be whole (from seq 1).
 */
export function buildPostmortem(events: readonly TimelineEvent[]): Postmortem {
  const { events: timeline, redacted } = redactedTimeline(events);
  const hidden = new Set(redacted);
  const incident = reduceIncident(timeline);
  const pins = pinnedRunbooks(timeline);
  const walks = walkReports(timeline, pins, hidden);
  const alerts = alertEntries(timeline);

  const severityChanges: SeverityChange[] = [];
  const statusChanges: StatusChange[] = [];
  const assignments: RoleAssignment[] = [];
  const notes: PostmortemNote[] = [];
  const feedback: FeedbackEntry[] = [];
  const followUps = Object.fromEntries(FOLLOW_UP_KINDS.map((kind) => [kind, [] as FollowUp[]])) as Record<FollowUpKind, FollowUp[]>;
  for (const event of timeline) {
    const base = { seq: event.seq, at: event.at, actor: actorLabel(event.actor) };
    const isHidden = hidden.has(event.seq);
    const typed = typedEvent(event);
    if (typed?.type === 'runbook.feedback') {
      const { runbookId, runbookHash, node, kind, text } = typed.data;
      feedback.push({ ...base, runbookId, ...(runbookHash === undefined ? {} : { runbookHash }), node, kind, ...shown(text, isHidden), redacted: isHidden });
      continue;
    }
    if (typed?.type === 'followup.added') {
      const { kind, text, owner } = typed.data;
      followUps[kind].push({ ...base, kind, ...shown(text, isHidden), ...(owner === undefined || owner === '' ? {} : { owner }), redacted: isHidden });
      continue;
    }
    if (typed?.type === 'severity.changed') severityChanges.push({ ...base, from: typed.data.from, to: typed.data.to });
    if (typed?.type === 'status.changed') {
      const { from, to, reason, reopened } = typed.data;
      const text = shown(reason, isHidden).text;
      statusChanges.push({ ...base, from, to, reopened: reopened === true, ...(text === undefined ? {} : { reason: text }), redacted: isHidden });
    }
    if (typed?.type === 'role.assigned') {
      const { role, user, previous } = typed.data;
      assignments.push({ ...base, role, user, ...(previous === undefined ? {} : { previous }) });
    }
    if (typed?.type === 'note.added') {
      const { text, claimedAt } = typed.data;
      notes.push({ seq: event.seq, at: event.at, ...(claimedAt === undefined ? {} : { claimedAt }), author: base.actor, ...shown(text, isHidden), redacted: isHidden });
    }
  }

  const bySeq = new Map(timeline.map((event) => [event.seq, event]));
  const starred = incident.starred.flatMap((seq) => {
    const event = bySeq.get(seq);
    if (!event) return [];
    const isHidden = hidden.has(seq);
    return [{ seq, at: event.at, actor: actorLabel(event.actor), type: event.type, description: describeEntry(event, isHidden), redacted: isHidden }];
  });

  const opened = { seq: 1, at: incident.openedAt };
  const { figures } = incident;
  const summaryRedacted = hidden.has(1);
  return {
    incidentId: incident.id,
    title: incident.title,
    severity: incident.severity,
    severityChanges,
    status: incident.status,
    statusChanges,
    ...(summaryRedacted || incident.summary === undefined || incident.summary === '' ? {} : { summary: incident.summary }),
    summaryRedacted,
    openedAt: incident.openedAt,
    openedBy: actorLabel(incident.openedBy),
    impact: impactWindow(opened, figures, alerts),
    keyTimes: {
      opened: { ...opened, afterOpening: duration(0) },
      ...optionalKeyTime('acknowledged', figures.timeToAcknowledge),
      ...optionalKeyTime('mitigated', figures.timeToMitigate),
      ...optionalKeyTime('resolved', figures.timeToResolve),
    },
    roles: { current: { ...incident.roles }, assignments },
    walks,
    actionsTaken: actionsTaken(walks),
    starred,
    notes,
    alerts,
    feedback,
    followUps,
    runbookVersions: runbookVersions(walks, pins),
    redacted,
    lastSeq: incident.lastSeq,
  };
}

function optionalKeyTime<K extends string>(name: K, milestone: Milestone | undefined): Partial<Record<K, KeyTime>> {
  const time = keyTime(milestone);
  return time === undefined ? {} : ({ [name]: time } as Partial<Record<K, KeyTime>>);
}
