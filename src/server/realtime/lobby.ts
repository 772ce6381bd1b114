import type { IncidentSummary } from '../incidentSummary.js';

/** What a watcher receives after each stored batch of any incident. */
export interface SummaryUpdate {
  summary: IncidentSummary;
}

/** A socket watching the incidents list. */
export interface LobbyMember {
  id: string;
  send(update: SummaryUpdate): void;
}

/** The lobby's broadcast room: a summary is encoded once for every watcher, not once per socket. */
export interface LobbyRoom {
  join(member: LobbyMember): void;
  leave(member: LobbyMember): void;
  broadcast(update: SummaryUpdate): void;
}

/** A watcher between its watch and the end of its list read. */
export interface WatchCatchUp {
  /**
   * Ends the catch-up once the watcher was sent `listed`: sends the summaries published meanwhile
   * that are newer than what it listed, then joins it to the lobby room.
   */
  finish(listed: readonly IncidentSummary[]): void;
  /** Drops the catch-up (the watcher left, or the read failed). */
  cancel(): void;
  /** False once finished or cancelled, or replaced by a later watch of the same member. */
  readonly active: boolean;
}

interface Pending {
  member: LobbyMember;
  buffer: IncidentSummary[];
}

/**
 * The incidents list, live: watchers get a summary after each stored batch of any incident. A
 * watch registers before the list is read, so a batch stored during the read is not lost: its
 * summary is buffered and sent after the list, unless the list already held it.
 */
export class Lobby {
  readonly #room: LobbyRoom;
  readonly #pending = new Map<string, Pending>();
  readonly #watching = new Map<string, LobbyMember>();

  constructor(room: LobbyRoom) {
    this.#room = room;
  }

  /** Whether anyone watches or is about to: publishing costs nothing when no one does. */
  get watched(): boolean {
    return this.#watching.size > 0 || this.#pending.size > 0;
  }

  /** Whether the member watches or is catching up. */
  has(member: LobbyMember): boolean {
    return this.#watching.has(member.id) || this.#pending.has(member.id);
  }

  /** Starts a member's watch; call before reading the list, so nothing published meanwhile is lost. */
  beginWatch(member: LobbyMember): WatchCatchUp {
    this.leave(member);
    const pending: Pending = { member, buffer: [] };
    this.#pending.set(member.id, pending);
    const isCurrent = (): boolean => this.#pending.get(member.id) === pending;
    return {
      get active() {
        return isCurrent();
      },
      finish: (listed) => {
        if (!isCurrent()) return;
        this.#pending.delete(member.id);
        const held = new Map(listed.map((s) => [s.id, s.lastSeq]));
        const newest = new Map<string, IncidentSummary>();
        for (const summary of pending.buffer) newest.set(summary.id, summary);
        for (const summary of newest.values()) {
          if (summary.lastSeq > (held.get(summary.id) ?? 0)) member.send({ summary });
        }
        this.#watching.set(member.id, member);
        this.#room.join(member);
      },
      cancel: () => {
        if (isCurrent()) this.#pending.delete(member.id);
      },
    };
  }

  /** Stops the member's watch (or its catch-up). */
  leave(member: LobbyMember): void {
    this.#pending.delete(member.id);
    if (this.#watching.delete(member.id)) this.#room.leave(member);
  }

  /** Sends an incident's summary, as its latest stored batch left it, to every watcher. */
  publish(summary: IncidentSummary): void {
    for (const pending of this.#pending.values()) pending.buffer.push(summary);
    if (this.#watching.size > 0) this.#room.broadcast({ summary });
  }
}
