import { actorLabel } from '../../incidents/actorLabel.js';
import type { Runbook, RunbookNode, TimelineEntry } from '../api/apiTypes.js';
import { conditionLabel } from '../../runbook/graph/conditionLabel.js';
import type { IncidentEvent } from '../../incidents/incidentEvent.js';
import { parseIncidentEvent } from '../../incidents/parseIncidentEvent.js';
import { redactableField } from '../../incidents/redactableText.js';
import { formatUtc } from '../format/formatTime.js';
import { formatCheckValue } from './formatCheckValue.js';

/** One timeline entry in words, for people reading the timeline under stress. */
export interface EntryDescription {
  /** Who caused it: a user's name, "runpath" for the server, "alert (source)". */
  actor: string;
  /** What happened, as the rest of a sentence after the actor. */
  text: string;
  /** Text a person typed (a note, a reason, an action's note): shown as text, never as HTML. */
  typed?: string;
  /** More detail that is not typed text (a check's series, a failure's reason). */
  detail?: string;
  /** "redacted by alice: reason" when the entry was redacted. */
  redaction?: string;
  /** Whether the entry's type holds typed text (so a commander may redact it). */
  redactable: boolean;
  /** Checks, branches, answers, actions, walk start and end: the Decisions filter. */
  decision: boolean;
  /** A completed mitigation: it stands out. */
  mitigation: boolean;
}

const DECISION_TYPES = new Set(['walk.started', 'check.evaluated', 'check.failed', 'question.answered', 'action.completed', 'action.skipped', 'walk.ended']);

/** Whether an entry is a decision of the walk (the Decisions filter). */
export function isDecision(type: string): boolean {
  return DECISION_TYPES.has(type);
}

/** Who caused an entry (the core's wording, shared with the postmortem). */
export const actorName = actorLabel;

/** A node by its title when the runbook gives one, else by its id. */
export function nodeName(id: string, runbook?: Runbook): string {
  const node: RunbookNode | undefined = runbook && Object.hasOwn(runbook.nodes, id) ? runbook.nodes[id] : undefined;
  const title = node?.title ?? (node?.type === 'question' ? node.question : undefined);
  return title === undefined || title.trim() === '' ? id : `${title} (${id})`;
}

const OUTCOME: Record<string, string> = {
  resolved: 'resolved',
  mitigated: 'mitigated',
  escalate: 'escalate',
  false_alarm: 'false alarm',
  monitoring: 'monitoring',
};

const FEEDBACK_TEXT: Record<string, string> = {
  wrong_branch: 'it sent the walk the wrong way',
  missing_step: 'a step is missing',
  other: 'feedback for its owners',
};

const SEVERITY_RANK: Record<string, number> = { sev1: 1, sev2: 2, sev3: 3, sev4: 4 };

/** The branch a check took, in words: the author's label and the condition, or the default. */
export function branchText(nodeId: string, branch: number | 'default', runbook?: Runbook): string {
  if (branch === 'default') return 'no branch matched (default)';
  const node = runbook && Object.hasOwn(runbook.nodes, nodeId) ? runbook.nodes[nodeId] : undefined;
  const chosen = node?.type === 'check' ? node.branches[branch] : undefined;
  if (node?.type !== 'check' || chosen === undefined) return `branch ${branch + 1}`;
  const condition = conditionLabel(chosen.when, node.compare?.offset);
  return chosen.label ? `${chosen.label} (${condition})` : condition;
}

function unitOf(nodeId: string, runbook?: Runbook): string | undefined {
  const node = runbook && Object.hasOwn(runbook.nodes, nodeId) ? runbook.nodes[nodeId] : undefined;
  return node?.type === 'check' ? node.unit : undefined;
}

function labelText(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return pairs.length === 0 ? '{}' : pairs.join(', ');
}

const SERIES_SHOWN = 5;
const ALERT_NAMES_SHOWN = 3;

/** The distinct alert names of a notification, a few of them: ": CheckoutHighErrorRate, HTTPHighErrorRatio". */
function alertNames(alerts: readonly { labels: Record<string, string> }[]): string {
  const names = [...new Set(alerts.map((a) => a.labels.alertname).filter((n): n is string => n !== undefined && n !== ''))];
  if (names.length === 0) return '';
  const more = names.length > ALERT_NAMES_SHOWN ? ` and ${names.length - ALERT_NAMES_SHOWN} more` : '';
  return `: ${names.slice(0, ALERT_NAMES_SHOWN).join(', ')}${more}`;
}

function seriesDetail(series: { labels: Record<string, string>; value: number | null; matched: boolean }[], unit?: string): string | undefined {
  if (series.length < 2) return undefined;
  const shown = series.slice(0, SERIES_SHOWN).map((s) => `${labelText(s.labels)}: ${formatCheckValue(s.value, unit)}${s.matched ? ' ✓' : ''}`);
  const more = series.length > SERIES_SHOWN ? `; and ${series.length - SERIES_SHOWN} more` : '';
  return `${series.length} series: ${shown.join('; ')}${more}`;
}

/**
 * Parses an entry's payload. A redacted entry has lost its typed text for most readers, which
 * the payload's shape may require (a note's text): parse it with that field empty.
 */
function parse(entry: TimelineEntry): IncidentEvent | undefined {
  let data = entry.data;
  const key = redactableField(entry.type);
  if (entry.redacted && key !== undefined && typeof data === 'object' && data !== null && !Object.hasOwn(data, key)) {
    data = { ...data, [key]: '' };
  }
  const parsed = parseIncidentEvent(entry.type, data);
  return parsed.ok ? parsed.event : undefined;
}

function typedText(entry: TimelineEntry): string | undefined {
  const key = redactableField(entry.type);
  if (key === undefined || typeof entry.data !== 'object' || entry.data === null) return undefined;
  const value = (entry.data as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

interface Sentence {
  text: string;
  detail?: string;
  mitigation?: boolean;
}

function sentence(event: IncidentEvent, entry: TimelineEntry, runbook?: Runbook): Sentence {
  const actor = entry.actor.kind === 'user' ? entry.actor.name : undefined;
  switch (event.type) {
    case 'incident.opened': {
      const { title, severity, runbook: ref } = event.data;
      return { text: `opened the incident “${title}” at ${severity.toUpperCase()}${ref ? `, to walk the runbook “${ref.title}”` : ''}` };
    }
    case 'status.changed': {
      const { from, to, reopened } = event.data;
      return { text: reopened ? `reopened the incident (${from} → ${to})` : `changed the status from ${from} to ${to}` };
    }
    case 'severity.changed': {
      const { from, to } = event.data;
      const verb = (SEVERITY_RANK[to] ?? 0) < (SEVERITY_RANK[from] ?? 0) ? 'raised' : 'lowered';
      return { text: `${verb} the severity from ${from.toUpperCase()} to ${to.toUpperCase()}` };
    }
    case 'role.assigned': {
      const { role, user, previous } = event.data;
      const handoff = previous !== undefined && previous !== user ? `, taking over from ${previous}` : '';
      return { text: user === actor ? `took the ${role} role${handoff}` : `made ${user} ${role}${handoff}` };
    }
    case 'note.added':
      return { text: event.data.claimedAt ? `added a note about ${formatUtc(event.data.claimedAt)}` : 'added a note' };
    case 'entry.starred':
      return { text: `${event.data.starred ? 'starred' : 'unstarred'} entry #${event.data.seq}` };
    case 'entry.redacted':
      return { text: `redacted entry #${event.data.seq}`, ...(event.data.reason ? { detail: `reason: ${event.data.reason}` } : {}) };
    case 'walk.started': {
      const inputs = Object.entries(event.data.inputs).map(([k, v]) => `${k}=${v}`);
      return { text: `started the runbook “${event.data.runbookTitle}”`, ...(inputs.length > 0 ? { detail: `inputs: ${inputs.join(', ')}` } : {}) };
    }
    case 'runbook.pinned': {
      const { runbookId, hash, file } = event.data;
      return { text: `pinned version ${hash.slice(0, 8)} of the runbook ${runbookId}, which this walk follows even if the file changes`, ...(file ? { detail: `from ${file}` } : {}) };
    }
    case 'runbook.feedback': {
      const { node, kind, runbookId } = event.data;
      return { text: `flagged ${nodeName(node, runbook)} of the runbook ${runbookId}: ${FEEDBACK_TEXT[kind] ?? kind}` };
    }
    case 'followup.added': {
      const { kind, owner } = event.data;
      return { text: `added a follow-up to ${kind}${owner ? `, for ${owner}` : ''}` };
    }
    case 'alert.received': {
      const { status, alerts, omittedAlerts } = event.data;
      const count = alerts.length + (omittedAlerts ?? 0);
      const firing = status === 'firing' ? alerts.filter((a) => a.status === 'firing').length + (omittedAlerts ?? 0) : 0;
      const what = status === 'firing' ? `${firing} firing alert${firing === 1 ? '' : 's'}` : `the resolution of ${count} alert${count === 1 ? '' : 's'}`;
      return { text: `sent ${what}${alertNames(alerts)}`, detail: event.data.grouping.reason };
    }
    case 'alert.resolved': {
      const { fingerprints, alerts } = event.data;
      return { text: `resolved ${fingerprints.length} alert${fingerprints.length === 1 ? '' : 's'}${alertNames(alerts)}`, detail: event.data.grouping.reason };
    }
    case 'step.entered': {
      const { node, nodeType, visit } = event.data;
      return { text: `the walk moved to ${nodeType} ${nodeName(node, runbook)}${visit > 1 ? ` (visit ${visit})` : ''}` };
    }
    case 'check.evaluated': {
      const { node, value, series, branch, next } = event.data;
      const unit = unitOf(node, runbook);
      const detail = seriesDetail(series, unit);
      return {
        text: `ran check ${nodeName(node, runbook)}: ${formatCheckValue(value, unit)}, ${branchText(node, branch, runbook)} → ${nodeName(next, runbook)}`,
        ...(detail ? { detail } : {}),
      };
    }
    case 'check.failed': {
      const { node, status, reason, next } = event.data;
      const what = status === 'no_data' ? 'returned no data' : status === 'timeout' ? 'timed out' : 'failed';
      const fallback = status === 'no_data' ? 'on_no_data' : 'on_error';
      return { text: `ran check ${nodeName(node, runbook)}, which ${what}: ${fallback} → ${nodeName(next, runbook)}`, detail: reason };
    }
    case 'question.answered': {
      const { node, label, next } = event.data;
      return { text: `answered “${label}” to ${nodeName(node, runbook)} → ${nodeName(next, runbook)}` };
    }
    case 'action.completed': {
      const { node, next, mitigation } = event.data;
      return { text: `did ${mitigation ? 'the mitigation ' : ''}${nodeName(node, runbook)} → ${nodeName(next, runbook)}`, mitigation };
    }
    case 'action.skipped': {
      const { node, next } = event.data;
      return { text: `skipped ${nodeName(node, runbook)} → ${nodeName(next, runbook)}` };
    }
    case 'walk.ended': {
      const { node, outcome, by, handoff } = event.data;
      const page = handoff ? `; page ${handoff} next` : '';
      if (by === 'max_visits') {
        return { text: `the walk stopped: ${node === null ? 'the path grew too long' : `${nodeName(node, runbook)} was entered as often as its max_visits allows`}; outcome ${OUTCOME[outcome] ?? outcome}${page}` };
      }
      return { text: `the walk ended${node === null ? '' : ` at ${nodeName(node, runbook)}`}: ${OUTCOME[outcome] ?? outcome}${page}` };
    }
    default:
      // A type the core gained after this sentence table: the "every type" test asks for a sentence.
      return generic(entry);
  }
}

/** A sentence for an event this client does not know (a newer server) or could not read. */
function generic(entry: TimelineEntry): Sentence {
  return { text: `recorded ${entry.type}` };
}

/**
 * Every timeline entry as a human sentence (pure: tested in node). Node ids are named by their
 * titles when the runbook is given; typed text is returned apart, to be rendered as text.
 */
export function describeEntry(entry: TimelineEntry, runbook?: Runbook): EntryDescription {
  const event = parse(entry);
  const said = event ? sentence(event, entry, runbook) : generic(entry);
  const typed = typedText(entry);
  const mark = entry.redacted;
  const description: EntryDescription = {
    actor: actorName(entry.actor),
    text: said.text,
    redactable: redactableField(entry.type) !== undefined,
    decision: isDecision(entry.type),
    mitigation: said.mitigation === true,
  };
  if (typed !== undefined) description.typed = typed;
  if (said.detail !== undefined) description.detail = said.detail;
  if (mark) description.redaction = `redacted by ${actorName(mark.actor)}${mark.reason ? `: ${mark.reason}` : ''}`;
  return description;
}
