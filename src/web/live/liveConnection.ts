import { io, type Socket } from 'socket.io-client';
import type { Incident, IncidentSummary, PresentUser, TimelineEntry } from '../api/apiTypes.js';

/** What the header shows: live, (re)connecting, or signed out (the session is gone). */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'signed_out';

/** A socket ack, shaped like the HTTP answer for the same thing. */
export interface Ack<T = unknown> {
  status: number;
  body: T;
}

export interface JoinAck {
  incidentId: string;
  events: TimelineEntry[];
  lastSeq: number;
  presence: PresentUser[];
  /**
   * Set when a first join asked for a tail and the timeline is longer: `events` are the newest
   * entries only, and this is the incident's state after them, without the lists that grow with
   * the timeline (notes, redactable…), but with its follow-ups and feedback.
   */
  incident?: Omit<Incident, 'notes' | 'redactable' | 'uninterpreted' | 'pins'> & Partial<Pick<Incident, 'pins'>>;
}

export interface WatchAck {
  incidents: IncidentSummary[];
  presence: Record<string, PresentUser[]>;
}

/** What a room (one incident open in the page) gives and takes. */
export interface RoomListener {
  /** The last seq it holds: every (re)join asks for the events after it. */
  lastSeq(): number;
  /** On a first join, how many of the newest entries to take first (the rest it reads itself). */
  readonly tail?: number;
  joined(ack: Ack<JoinAck>): void;
  events(events: TimelineEntry[]): void;
  presence(users: PresentUser[]): void;
}

/** The incidents list: every incident's summary and presence, live. */
export interface LobbyListener {
  watched(ack: Ack<WatchAck>): void;
  incident(summary: IncidentSummary): void;
  presence(incidentId: string, users: PresentUser[]): void;
}

const SIGNED_OUT_CODES = new Set(['unauthenticated', 'invalid_credentials', 'session_expired']);
const ACK_TIMEOUT_MS = 8000;
const COMMAND_DEADLINE_MS = 60_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The page's one socket.io connection. It re-joins every open room with the last seq it holds on
 * each connect (first, reconnect, after a server restart), so a room catches up from the store
 * with no gap and no duplicate. Commands carry an idempotency key and are retried with the same
 * key until the server answers, so a retry never records twice.
 */
export class LiveConnection {
  readonly #socket: Socket;
  #state: ConnectionState = 'connecting';
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();
  readonly #rooms = new Map<string, Set<RoomListener>>();
  readonly #lobby = new Set<LobbyListener>();

  // WebSocket first (one round trip fewer than polling's upgrade), polling if it cannot connect.
  constructor(socket: Socket = io({ autoConnect: false, reconnectionDelay: 300, reconnectionDelayMax: 3000, transports: ['websocket', 'polling'], tryAllTransports: true })) {
    this.#socket = socket;
    socket.on('connect', () => {
      this.#setState('online');
      for (const id of this.#rooms.keys()) this.#join(id);
      if (this.#lobby.size > 0) this.#watch();
    });
    socket.on('disconnect', (reason) => {
      if (this.#state === 'signed_out') return;
      this.#setState('reconnecting');
      // A server that closed the socket itself (a restart) does not trigger socket.io's own retry.
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 300);
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      if (SIGNED_OUT_CODES.has(error.data?.code ?? '')) {
        this.#setState('signed_out');
        return;
      }
      this.#setState(this.#state === 'connecting' ? 'connecting' : 'reconnecting');
      // After a refusal (not a network failure) socket.io stops retrying: a restarting server is one.
      if (!socket.active) setTimeout(() => socket.connect(), 1000);
    });
    socket.on('events', (message: { incidentId: string; events: TimelineEntry[] }) => {
      for (const room of this.#rooms.get(message.incidentId) ?? []) room.events(message.events);
    });
    socket.on('presence', (message: { incidentId: string; users: PresentUser[] }) => {
      for (const room of this.#rooms.get(message.incidentId) ?? []) room.presence(message.users);
      for (const lobby of this.#lobby) lobby.presence(message.incidentId, message.users);
    });
    socket.on('incident', (message: { summary: IncidentSummary }) => {
      for (const lobby of this.#lobby) lobby.incident(message.summary);
    });
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** Whether the socket is connected now (a join would be answered at once). */
  get connected(): boolean {
    return this.#socket.connected;
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  /** Connects (after sign-in). */
  start(): void {
    if (this.#state === 'signed_out') this.#setState('connecting');
    if (!this.#socket.connected) this.#socket.connect();
  }

  stop(): void {
    this.#socket.disconnect();
  }

  /** Follows an incident: joins now (if connected) and on every reconnect. */
  openRoom(incidentId: string, listener: RoomListener): () => void {
    const listeners = this.#rooms.get(incidentId) ?? new Set<RoomListener>();
    listeners.add(listener);
    this.#rooms.set(incidentId, listeners);
    if (this.#socket.connected) this.#join(incidentId, listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      this.#rooms.delete(incidentId);
      if (this.#socket.connected) this.#socket.emit('leave', { incidentId }, () => undefined);
    };
  }

  /** Joins again from what the room holds (after a gap in the seqs). */
  rejoin(incidentId: string): void {
    if (this.#socket.connected) this.#join(incidentId);
  }

  openLobby(listener: LobbyListener): () => void {
    this.#lobby.add(listener);
    if (this.#socket.connected) this.#watch(listener);
    return () => {
      this.#lobby.delete(listener);
      if (this.#lobby.size === 0 && this.#socket.connected) this.#socket.emit('unwatch', {}, () => undefined);
    };
  }

  /**
   * Sends a command (a body of POST …/events or …/walk) and resolves with the server's answer.
   * Until an answer comes (disconnected, restarting server, lost ack) it retries with the same
   * idempotency key, so the server records it once and replays its first answer.
   */
  async command<T = unknown>(incidentId: string, command: Record<string, unknown>, idempotencyKey: string): Promise<Ack<T>> {
    const deadline = Date.now() + COMMAND_DEADLINE_MS;
    while (Date.now() < deadline) {
      if (!this.#socket.connected) {
        await this.#connected(deadline - Date.now());
        continue;
      }
      try {
        return (await this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', { incidentId, command, idempotencyKey })) as Ack<T>;
      } catch {
        // No ack in time: the connection dropped or the server is busy. Same key, so retrying is safe.
      }
    }
    return { status: 0, body: { error: { code: 'network_error', message: 'the server did not answer for a minute; check your connection and try again' } } } as Ack<T>;
  }

  #connected(withinMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#socket.off('connect', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, withinMs));
      this.#socket.on('connect', done);
    });
  }

  #join(incidentId: string, only?: RoomListener): void {
    const listeners = only ? [only] : [...(this.#rooms.get(incidentId) ?? [])];
    if (listeners.length === 0) return;
    const afterSeq = Math.min(...listeners.map((l) => l.lastSeq()));
    const tail = afterSeq === 0 && listeners.length === 1 ? listeners[0]?.tail : undefined;
    this.#socket.emit('join', { incidentId, afterSeq, ...(tail === undefined ? {} : { tail }) }, (ack: Ack<JoinAck>) => {
      if (ack.status === 409) {
        // A join of this incident is still catching up (a reconnect raced it): try again shortly.
        void sleep(200).then(() => {
          this.rejoin(incidentId);
        });
        return;
      }
      for (const listener of listeners) listener.joined(ack);
    });
  }

  #watch(only?: LobbyListener): void {
    const listeners = only ? [only] : [...this.#lobby];
    this.#socket.emit('watch', {}, (ack: Ack<WatchAck>) => {
      for (const listener of listeners) listener.watched(ack);
    });
  }

  #setState(state: ConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    for (const listener of this.#stateListeners) listener(state);
  }
}
