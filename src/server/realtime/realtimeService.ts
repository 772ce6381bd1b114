import type { AccessRole } from '../../incidents/accessRole.js';
import type { Actor, TimelineEvent } from '../../incidents/timelineEvent.js';

/** Who is on the other end of a socket, as the server's authentication resolved them. */
export interface RealtimeUser {
  name: string;
  role: AccessRole;
}

/** What the application layer answers; a socket ack carries it as it is, like an HTTP response. */
export interface ServiceResult {
  status: number;
  body: unknown;
}

/**
 * The part of the incident service the gateway uses. `subscribe` must deliver each batch of
 * events only after it is durable, in seq order per incident: the gateway broadcasts what it gets.
 */
export interface RealtimeService {
  /** The timeline after `afterSeq` as `role` may read it. */
  events(incidentId: string, afterSeq: number, role: AccessRole): Promise<ServiceResult>;
  command(incidentId: string, actor: Actor, role: AccessRole, command: unknown, idempotencyKey?: string): Promise<ServiceResult>;
  subscribe(listener: (events: readonly TimelineEvent[]) => void): () => void;
}
