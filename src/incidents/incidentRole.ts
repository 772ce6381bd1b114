/** Roles people hold in one incident (who runs it), not access roles (what they may do). */
export const INCIDENT_ROLES = ['commander', 'communications', 'operations', 'scribe'] as const;

export type IncidentRole = (typeof INCIDENT_ROLES)[number];

export function isIncidentRole(value: unknown): value is IncidentRole {
  return typeof value === 'string' && (INCIDENT_ROLES as readonly string[]).includes(value);
}
