import type { AccessRole } from '../../incidents/accessRole.js';
import type { IncidentService } from '../incidentService.js';

export type { ServiceResult } from '../serviceResult.js';

/** Who is on the other end of a socket, as the server's authentication resolved them. */
export interface RealtimeUser {
  name: string;
  role: AccessRole;
  /** The browser session that authenticated the connection (its id's hash), if a cookie did. */
  session?: string;
  /** The hash of the API token that authenticated the connection, if a token did. */
  tokenHash?: string;
}

/**
 * The part of the incident service the gateway uses. `subscribe` delivers each batch of events
 * only after it is durable, in seq order per incident, with the incident as it leaves it: the
 * gateway broadcasts what it gets. `list` is the lobby's first answer (watch).
 */
export type RealtimeService = Pick<IncidentService, 'events' | 'command' | 'subscribe' | 'list'>;
