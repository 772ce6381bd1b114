import { isFeedbackKind } from './feedbackKind.js';
import { isFollowUpKind } from './followUpKind.js';
import { isIncidentRole } from './incidentRole.js';
import { isIncidentStatus } from './incidentStatus.js';
import type { IncidentEvent, IncidentEventType, TypedTimelineEvent } from './incidentEvent.js';
import { isRunbookHash } from './runbookVersion.js';
import { isSeverity } from './severity.js';
import type { TimelineEvent } from './timelineEvent.js';

type Test = (value: unknown) => boolean;

/** A field of a payload: its name, its test, what the test wants (for messages), and whether it may be absent. */
interface Field {
  key: string;
  test: Test;
  wants: string;
  optional?: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Test = (value) => typeof value === 'string';
const isNonEmpty: Test = (value) => typeof value === 'string' && value.length > 0;
const isBoolean: Test = (value) => typeof value === 'boolean';
const isSeq: Test = (value) => Number.isSafeInteger(value) && (value as number) >= 1;
const isStoredNumber: Test = (value) => value === null || typeof value === 'number';
const isStringRecord: Test = (value) => isRecord(value) && Object.values(value).every(isString);
const oneOf = (...values: readonly unknown[]): Test => (value) => values.includes(value);
const isIsoTime: Test = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isRunbookRef: Test = (value) => isRecord(value) && isNonEmpty(value.id) && isString(value.title);
const isSeries: Test = (value) =>
  Array.isArray(value) &&
  value.every((s) => isRecord(s) && isStringRecord(s.labels) && isStoredNumber(s.value) && isBoolean(s.matched));

const isTrendSample: Test = (value) =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && Number.isFinite(value[0]) && isStoredNumber(value[1]);
const isTrend: Test = (value) =>
  Array.isArray(value) && value.every((s) => isRecord(s) && isStringRecord(s.labels) && Array.isArray(s.samples) && s.samples.every(isTrendSample));

const isCount: Test = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
const isAlertStatus = oneOf('firing', 'resolved');
const isReceivedAlert: Test = (value) =>
  isRecord(value) &&
  isNonEmpty(value.fingerprint) &&
  isAlertStatus(value.status) &&
  isStringRecord(value.labels) &&
  isStringRecord(value.annotations) &&
  isString(value.startsAt) &&
  (value.endsAt === undefined || isString(value.endsAt)) &&
  (value.generatorURL === undefined || isString(value.generatorURL));
const isGrouping: Test = (value) =>
  isRecord(value) &&
  oneOf('opened', 'grouped')(value.decision) &&
  (value.by === undefined || oneOf('group_key', 'fingerprint')(value.by)) &&
  isString(value.reason);

const field = (key: string, test: Test, wants: string): Field => ({ key, test, wants });
const optional = (key: string, test: Test, wants: string): Field => ({ key, test, wants, optional: true });

const NODE = field('node', isNonEmpty, 'a node id');
const NEXT = field('next', isNonEmpty, 'a node id');
// What alert.received and alert.resolved share: the notification and why it was recorded here.
const ALERT_NOTIFICATION = [
  field('receiver', isString, 'a string'),
  field('groupKey', isNonEmpty, 'a non-empty string'),
  field('groupLabels', isStringRecord, 'an object of strings'),
  field('alerts', (v) => Array.isArray(v) && v.every(isReceivedAlert), 'a list of {fingerprint, status, labels, annotations, startsAt, endsAt?, generatorURL?}'),
  optional('omittedAlerts', isCount, 'a count (integer from 0)'),
  field('grouping', isGrouping, "an object {decision: opened|grouped, by?: group_key|fingerprint, reason}"),
];
const CHECK_META = [
  optional('query', isString, 'a string'),
  optional('source', isString, 'a string'),
  optional('sourceType', (v) => v === null || isString(v), 'a string or null'),
  optional('durationMs', (v) => typeof v === 'number' && v >= 0, 'a number of milliseconds'),
  optional('trend', isTrend, 'a list of {labels, samples: [[seconds, number or null]…]}'),
];

const SHAPES: Record<IncidentEventType, readonly Field[]> = {
  'incident.opened': [
    field('title', isNonEmpty, 'a non-empty string'),
    field('severity', isSeverity, 'one of sev1, sev2, sev3, sev4'),
    optional('summary', isString, 'a string'),
    optional('runbook', isRunbookRef, 'an object {id, title}'),
    optional('inputs', isStringRecord, 'an object of strings'),
  ],
  'status.changed': [
    field('from', isIncidentStatus, 'a status'),
    field('to', isIncidentStatus, 'a status'),
    optional('reason', isString, 'a string'),
    optional('reopened', oneOf(true), 'true'),
  ],
  'severity.changed': [field('from', isSeverity, 'a severity'), field('to', isSeverity, 'a severity')],
  'role.assigned': [
    field('role', isIncidentRole, 'one of commander, communications, operations, scribe'),
    field('user', isNonEmpty, 'a user name'),
    optional('previous', isNonEmpty, 'a user name'),
  ],
  'note.added': [field('text', isString, 'a string'), optional('claimedAt', isIsoTime, 'an ISO 8601 time')],
  'entry.starred': [field('seq', isSeq, 'a seq (integer from 1)'), field('starred', isBoolean, 'a boolean')],
  'entry.redacted': [field('seq', isSeq, 'a seq (integer from 1)'), optional('reason', isString, 'a string')],
  'walk.started': [
    field('runbookId', isNonEmpty, 'a runbook id'),
    field('runbookTitle', isString, 'a string'),
    field('inputs', isStringRecord, 'an object of strings'),
    optional('labels', isStringRecord, 'an object of strings'),
    optional('runbookHash', isRunbookHash, 'a sha256 in lowercase hex'),
  ],
  'runbook.pinned': [
    field('runbookId', isNonEmpty, 'a runbook id'),
    field('hash', isRunbookHash, 'a sha256 in lowercase hex'),
    field('text', isString, 'a string'),
    optional('file', isString, 'a string'),
  ],
  'runbook.feedback': [
    field('runbookId', isNonEmpty, 'a runbook id'),
    optional('runbookHash', isRunbookHash, 'a sha256 in lowercase hex'),
    NODE,
    field('kind', isFeedbackKind, 'one of wrong_branch, missing_step, other'),
    field('text', isString, 'a string'),
  ],
  'followup.added': [
    field('kind', isFollowUpKind, 'one of detect, prevent, correct'),
    field('text', isString, 'a string'),
    optional('owner', isString, 'a string'),
  ],
  'alert.received': [field('status', isAlertStatus, 'firing or resolved'), ...ALERT_NOTIFICATION],
  'alert.resolved': [field('fingerprints', (v) => Array.isArray(v) && v.every(isNonEmpty), 'a list of fingerprints'), ...ALERT_NOTIFICATION],
  'step.entered': [
    NODE,
    field('nodeType', oneOf('check', 'question', 'action', 'end'), 'a node type'),
    field('visit', isSeq, 'a visit count (integer from 1)'),
  ],
  'check.evaluated': [
    NODE,
    field('value', isStoredNumber, 'a number'),
    field('series', isSeries, 'a list of {labels, value, matched}'),
    field('branch', (v) => v === 'default' || (Number.isSafeInteger(v) && (v as number) >= 0), "a branch index or 'default'"),
    NEXT,
    field('reduce', oneOf('any', 'all', 'max', 'min', 'avg', 'sum'), 'a series reduce'),
    ...CHECK_META,
  ],
  'check.failed': [
    NODE,
    field('status', oneOf('no_data', 'error', 'timeout'), 'no_data, error or timeout'),
    field('reason', isString, 'a string'),
    NEXT,
    ...CHECK_META,
  ],
  'question.answered': [NODE, field('label', isString, 'an answer label'), NEXT],
  'action.completed': [NODE, NEXT, field('mitigation', isBoolean, 'a boolean'), optional('note', isString, 'a string')],
  'action.skipped': [NODE, NEXT, optional('note', isString, 'a string')],
  'walk.ended': [
    field('node', (v) => v === null || isNonEmpty(v), 'a node id or null'),
    field('outcome', oneOf('resolved', 'mitigated', 'escalate', 'false_alarm', 'monitoring'), 'an end outcome'),
    field('by', oneOf('end', 'max_visits'), 'end or max_visits'),
    optional('handoff', isString, 'a string'),
  ],
};

export const INCIDENT_EVENT_TYPES = Object.keys(SHAPES) as IncidentEventType[];

export function isIncidentEventType(type: unknown): type is IncidentEventType {
  return typeof type === 'string' && Object.hasOwn(SHAPES, type);
}

export type ParseEventResult = { ok: true; event: IncidentEvent } | { ok: false; message: string };

/**
 * Checks an event payload of unknown shape against the shape of its type. Extra fields are
 * allowed (a newer writer may add some); missing or mistyped known fields are not.
 */
export function parseIncidentEvent(type: string, data: unknown): ParseEventResult {
  if (!isIncidentEventType(type)) return { ok: false, message: `unknown event type '${type}'` };
  if (!isRecord(data)) return { ok: false, message: `${type}: data must be an object` };
  for (const { key, test, wants, optional: mayBeAbsent } of SHAPES[type]) {
    const present = Object.hasOwn(data, key) && data[key] !== undefined;
    if (!present) {
      if (mayBeAbsent) continue;
      return { ok: false, message: `${type}: data.${key} is missing; it must be ${wants}` };
    }
    if (!test(data[key])) return { ok: false, message: `${type}: data.${key} must be ${wants}` };
  }
  // The shape table above is what makes this cast true.
  return { ok: true, event: { type, data } as IncidentEvent };
}

/** The stored event with its payload checked, or undefined when its type is unknown or its data malformed. */
export function typedEvent(event: TimelineEvent): TypedTimelineEvent | undefined {
  const parsed = parseIncidentEvent(event.type, event.data);
  if (!parsed.ok) return undefined;
  return { ...event, ...parsed.event };
}
