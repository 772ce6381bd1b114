import { reduceIncident } from '../../incidents/reduceIncident.js';
import type { Ack, JoinAck, LiveConnection, RoomListener } from './liveConnection.js';
import { mergeTimeline, tailTimeline, withHistory } from './timelineMerge.js';
import { apiRequest, newIdempotencyKey } from '../api/apiRequest.js';
import { ApiError } from '../api/apiError.js';
import type { Incident, PresentUser, TimelineEntry } from '../api/apiTypes.js';

export interface RoomState {
  /** Every entry, in seq order, each once. */
  entries: TimelineEntry[];
  /** The fold of the entries (the same reducer the server runs). Undefined until the first catch-up. */
  incident?: Incident;
  presence: PresentUser[];
  /** Set when the join was refused (404, 403…). */
  error?: ApiError;
  /** Set while only the newest entries are held (a long incident's first join); the rest is on its way. */
  partial?: boolean;
}

/** How many of the newest entries a first join takes before the rest (the timeline draws 200). */
export const JOIN_TAIL = 200;
const HISTORY_RETRY_MS = 2000;

/** The answer of a command: the stored events and the incident's state. */
export interface CommandResult {
  events: TimelineEntry[];
}

/**
 * One incident as the page holds it: its timeline (caught up on every connect from the last seq
 * held), the fold of it, and who is looking. Commands go through `send`, which drops a second
 * identical command while the first is under way (a double click) and retries with one key.
 */
export class IncidentRoom implements RoomListener {
  readonly tail = JOIN_TAIL;
  #state: RoomState = { entries: [], presence: [] };
  #closed = false;
  readonly #listeners = new Set<(state: RoomState) => void>();
  readonly #pending = new Map<string, Promise<CommandResult>>();
  readonly #close: () => void;

  constructor(
    readonly incidentId: string,
    private readonly connection: LiveConnection,
    /** Whether the reader sees redacted text (admins): then a redaction keeps the text, marked. */
    private readonly showRedactedText: boolean,
  ) {
    this.#close = connection.openRoom(incidentId, this);
    // On a page load the socket is still shaking hands: read the first entries over HTTP meanwhile.
    if (!connection.connected) void this.#readFirst();
  }

  async #readFirst(): Promise<void> {
    try {
      const path = `/api/incidents/${encodeURIComponent(this.incidentId)}/events?after=0&tail=${String(JOIN_TAIL)}`;
      const answer = await apiRequest<{ events: TimelineEntry[]; incident?: JoinAck['incident'] }>('GET', path);
      if (this.#closed || this.#state.entries.length > 0) return; // the join answered first
      this.#first(answer.events, answer.incident, undefined);
    } catch {
      // The join says what is wrong (404, 403…) and catches up anyway.
    }
  }

  get state(): RoomState {
    return this.#state;
  }

  subscribe(listener: (state: RoomState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#closed = true;
    this.#close();
    this.#listeners.clear();
  }

  lastSeq(): number {
    return this.#state.entries.at(-1)?.seq ?? 0;
  }

  joined(ack: Ack<JoinAck>): void {
    if (ack.status !== 200) {
      this.#update({ ...this.#state, error: ApiError.fromBody(ack.status, ack.body) });
      return;
    }
    this.#state = { entries: this.#state.entries, presence: this.#state.presence, ...(this.#state.incident ? { incident: this.#state.incident } : {}), ...(this.#state.partial ? { partial: true } : {}) };
    this.#first(ack.body.events, ack.body.incident, ack.body.presence);
  }

  /** The first entries (from the join or the HTTP read, whichever answers first), or a catch-up. */
  #first(events: TimelineEntry[], state: JoinAck['incident'], presence: PresentUser[] | undefined): void {
    if (state && this.#state.entries.length === 0) {
      // A long incident: draw its newest entries and its state now, read the rest over HTTP.
      const incident: Incident = { ...state, notes: [], redactable: [], uninterpreted: [], pins: state.pins ?? {} };
      this.#update({ entries: tailTimeline(events), incident, presence: presence ?? this.#state.presence, partial: true });
      void this.#loadHistory();
      return;
    }
    this.#apply(events, presence);
  }

  #waitingForHistory(): boolean {
    return !this.#closed && this.#state.partial === true;
  }

  /** Reads the whole timeline after a tail join, joins it to what is held, and folds it all. */
  async #loadHistory(): Promise<void> {
    while (this.#waitingForHistory()) {
      try {
        const answer = await apiRequest<{ events: TimelineEntry[] }>('GET', `/api/incidents/${encodeURIComponent(this.incidentId)}/events?after=0`);
        if (!this.#waitingForHistory()) return;
        const entries = withHistory(answer.events, this.#state.entries, this.showRedactedText);
        const { presence, error } = this.#state;
        this.#update({ entries, incident: reduceIncident(entries), presence, ...(error ? { error } : {}) });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, HISTORY_RETRY_MS));
      }
    }
  }

  events(events: TimelineEntry[]): void {
    this.#apply(events);
  }

  presence(users: PresentUser[]): void {
    this.#update({ ...this.#state, presence: users });
  }

  /**
   * Sends a command and resolves with the stored events; rejects with an ApiError (a refusal, or
   * no answer within a minute). Its events are applied at once, before their broadcast arrives.
   */
  send(command: Record<string, unknown>): Promise<CommandResult> {
    const signature = JSON.stringify(command);
    const pending = this.#pending.get(signature);
    if (pending) return pending;
    const run = (async (): Promise<CommandResult> => {
      const ack = await this.connection.command<CommandResult>(this.incidentId, command, newIdempotencyKey());
      if (ack.status < 200 || ack.status >= 300) throw ApiError.fromBody(ack.status, ack.body);
      this.#apply(ack.body.events);
      return ack.body;
    })();
    this.#pending.set(signature, run);
    const forget = (): void => {
      this.#pending.delete(signature);
    };
    run.then(forget, forget);
    return run;
  }

  #apply(batch: TimelineEntry[], presence?: PresentUser[]): void {
    const merged = mergeTimeline(this.#state.entries, batch, this.showRedactedText);
    if (merged.gap) {
      this.connection.rejoin(this.incidentId);
      if (presence) this.#update({ ...this.#state, presence });
      return;
    }
    let incident = this.#state.incident;
    if (merged.added.length > 0) {
      // A redaction drops text from an earlier entry, which the fold read: fold it all again then
      // (unless only the newest entries are held: then the fold goes on from the server's state).
      const refold = incident === undefined || (!this.#state.partial && merged.added.some((e) => e.type === 'entry.redacted'));
      incident = refold ? reduceIncident(merged.entries) : reduceIncident(merged.added, incident);
    }
    if (merged.added.length === 0 && presence === undefined && incident === this.#state.incident) return;
    this.#update({ ...this.#state, entries: merged.entries, ...(incident ? { incident } : {}), presence: presence ?? this.#state.presence });
  }

  #update(state: RoomState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }
}
