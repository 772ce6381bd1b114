// The envelope every timeline event has (see docs: the timeline contract). Payload types per
// event `type` live in incidentEvent.ts; the store treats `data` as opaque JSON.

/** Who caused an event: a user (by name), the server itself, or an alert source (e.g. `alertmanager`). */
export type Actor = { kind: 'user'; name: string } | { kind: 'system' } | { kind: 'alert'; source: string };

/** An event before it is stored: what a command produces. */
export interface EventDraft {
  type: string;
  actor: Actor;
  data: unknown;
}

/** An event as stored: per-incident gapless `seq` from 1, a global `id`, server time `at` (never used to order). */
export interface TimelineEvent extends EventDraft {
  incidentId: string;
  seq: number;
  id: string;
  /** Server time, UTC ISO 8601 with milliseconds; for people only. */
  at: string;
  /** The client's idempotency key, when the command carried one. */
  key?: string;
}
