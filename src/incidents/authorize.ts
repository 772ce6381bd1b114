import { accessRank, type AccessRole } from './accessRole.js';
import { CommandError } from './commandError.js';
import type { CommandName } from './commandName.js';

/** What may be authorized: every command, reading incidents, and reading redacted text. */
export type Permission = CommandName | 'read' | 'readRedacted';

/**
 * The weakest access role allowed each permission. Responders write to the timeline and walk
 * runbooks, and may open an incident (whoever is paged first must be able to declare one);
 * commanders also run the incident (roles, status and closing, severity, redaction).
 */
const MINIMUM_ROLE: Record<Permission, AccessRole> = {
  read: 'viewer',
  openIncident: 'responder',
  addNote: 'responder',
  starEntry: 'responder',
  startWalk: 'responder',
  answerQuestion: 'responder',
  completeAction: 'responder',
  recordCheck: 'responder',
  addFeedback: 'responder',
  addFollowUp: 'responder',
  // An integration (a user made with --role responder) records alerts; recordAlert also refuses any actor but an alert source.
  recordAlert: 'responder',
  assignRole: 'commander',
  changeStatus: 'commander',
  changeSeverity: 'commander',
  redactEntry: 'commander',
  readRedacted: 'admin',
};

const WHAT: Record<Permission, string> = {
  read: 'reading incidents',
  openIncident: 'opening an incident',
  addNote: 'adding a note',
  starEntry: 'starring an entry',
  startWalk: 'starting a runbook walk',
  answerQuestion: 'answering a question',
  completeAction: 'completing an action',
  recordCheck: 'running a check',
  addFeedback: 'giving runbook feedback',
  addFollowUp: 'adding a follow-up',
  recordAlert: 'recording an alert notification',
  assignRole: 'assigning an incident role',
  changeStatus: 'changing the status',
  changeSeverity: 'changing the severity',
  redactEntry: 'redacting an entry',
  readRedacted: 'reading redacted text',
};

/** The weakest access role that may do this. */
export function minimumRole(permission: Permission): AccessRole {
  return MINIMUM_ROLE[permission];
}

export function authorize(role: AccessRole, permission: Permission): boolean {
  return accessRank(role) >= accessRank(MINIMUM_ROLE[permission]);
}

/** Throws CommandError `forbidden` (403) unless `role` may do this. */
export function requireAuthorized(role: AccessRole, permission: Permission): void {
  if (authorize(role, permission)) return;
  const needed = MINIMUM_ROLE[permission];
  throw new CommandError('forbidden', `${WHAT[permission]} needs the ${needed} access role or higher, and you are a ${role}; ask an admin for the ${needed} role, or someone who has it to do this`);
}
