/** The lifecycle, in order. Moves go forward (skipping is allowed); a reopen goes back to the start. */
export const INCIDENT_STATUSES = ['investigating', 'identified', 'mitigated', 'resolved', 'closed'] as const;

export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Statuses a reopen may leave: the incident was thought to be over. */
const REOPENABLE: readonly IncidentStatus[] = ['resolved', 'closed'];

export function isIncidentStatus(value: unknown): value is IncidentStatus {
  return typeof value === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(value);
}

export type StatusMove = 'forward' | 'reopen';

/** How `from` may move to `to`: forward, a reopen (resolved/closed back to investigating), or not at all. */
export function statusMove(from: IncidentStatus, to: IncidentStatus): StatusMove | undefined {
  if (INCIDENT_STATUSES.indexOf(to) > INCIDENT_STATUSES.indexOf(from)) return 'forward';
  if (to === 'investigating' && REOPENABLE.includes(from)) return 'reopen';
  return undefined;
}

/** Every status `from` may move to, in lifecycle order. */
export function allowedStatusMoves(from: IncidentStatus): IncidentStatus[] {
  return INCIDENT_STATUSES.filter((to) => statusMove(from, to) !== undefined);
}
