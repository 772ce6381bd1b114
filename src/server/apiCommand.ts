import type { IncidentCommand } from '../incidents/executeCommand.js';
import { ApiError } from './apiError.js';
import type { TimelineCommandBody, WalkCommandBody } from './apiBodies.js';
import { ALERT_COMMAND_TYPE, parseAlertCommand } from './alerts/alertCommand.js';
import { validateApiBody } from './apiSchemas.js';

export type ApiCommandBody = TimelineCommandBody | WalkCommandBody;

export const TIMELINE_COMMAND_TYPES = ['note', 'star', 'redact', 'role', 'status', 'severity', 'feedback', 'follow_up'] as const;
export const WALK_COMMAND_TYPES = ['start', 'run_check', 'answer', 'complete_action'] as const;

/** What the service runs: a core command, or running the current check (stepCheck, then the core's recordCheck). */
export type ServiceCommand = Exclude<IncidentCommand, { name: 'openIncident' | 'recordCheck' }> | { name: 'runCheck'; node: string; at?: number };

function includes(list: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && list.includes(value);
}

/**
 * Validates a command body against its schema (picked by `type`) and maps it to what the
 * service runs. `accept` limits the types (each HTTP route takes its own); throws ApiError 400.
 */
export function parseApiCommand(body: unknown, accept: 'timeline' | 'walk' | 'any' = 'any'): ServiceCommand {
  const type = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { type?: unknown }).type : undefined;
  // Sent by the alert intake (src/server/alerts) through the service; no HTTP route accepts it, and the core refuses people.
  if (type === ALERT_COMMAND_TYPE && accept === 'any') return parseAlertCommand(body);
  const timeline = includes(TIMELINE_COMMAND_TYPES, type) && accept !== 'walk';
  const walk = includes(WALK_COMMAND_TYPES, type) && accept !== 'timeline';
  if (!timeline && !walk) {
    const allowed = accept === 'timeline' ? TIMELINE_COMMAND_TYPES : accept === 'walk' ? WALK_COMMAND_TYPES : [...TIMELINE_COMMAND_TYPES, ...WALK_COMMAND_TYPES];
    const given = type === undefined ? 'has no "type"' : `has type ${JSON.stringify(type).slice(0, 60)}`;
    const where = accept === 'timeline' ? ' (walk commands go to POST /api/incidents/:id/walk)' : accept === 'walk' ? ' (timeline commands go to POST /api/incidents/:id/events)' : '';
    throw new ApiError(400, 'invalid_request', `the command ${given}; set type to one of ${allowed.join(', ')}${where}`);
  }
  return timeline ? timelineCommand(validateApiBody('timeline-command', body)) : walkCommand(validateApiBody('walk-command', body));
}

function timelineCommand(body: TimelineCommandBody): ServiceCommand {
  switch (body.type) {
    case 'note':
      return { name: 'addNote', text: body.text, ...(body.claimedAt === undefined ? {} : { claimedAt: body.claimedAt }) };
    case 'star':
      return { name: 'starEntry', seq: body.seq, ...(body.starred === undefined ? {} : { starred: body.starred }) };
    case 'redact':
      return { name: 'redactEntry', seq: body.seq, ...(body.reason === undefined ? {} : { reason: body.reason }) };
    case 'role':
      return { name: 'assignRole', role: body.role, user: body.user };
    case 'status':
      return { name: 'changeStatus', to: body.to, ...(body.reason === undefined ? {} : { reason: body.reason }) };
    case 'severity':
      return { name: 'changeSeverity', to: body.to };
    case 'feedback':
      return { name: 'addFeedback', node: body.node, kind: body.kind, text: body.text };
    case 'follow_up':
      return { name: 'addFollowUp', kind: body.kind, text: body.text, ...(body.owner === undefined ? {} : { owner: body.owner }) };
  }
}

function walkCommand(body: WalkCommandBody): ServiceCommand {
  switch (body.type) {
    case 'start': {
      const { runbook, inputs, labels, node } = body;
      return { name: 'startWalk', runbook, ...(inputs === undefined ? {} : { inputs }), ...(labels === undefined ? {} : { labels }), ...(node === undefined ? {} : { node }) };
    }
    case 'run_check':
      return { name: 'runCheck', node: body.node, ...(body.at === undefined ? {} : { at: body.at }) };
    case 'answer':
      return { name: 'answerQuestion', node: body.node, label: body.label };
    case 'complete_action':
      return { name: 'completeAction', node: body.node, result: body.result, ...(body.note === undefined ? {} : { note: body.note }) };
  }
}
