/** One user looking at an incident, with how many of their connections are in its room. */
export interface PresentUser {
  name: string;
  connections: number;
}

/**
 * Who is looking at each incident right now. Live only: it lives in memory and is never
 * written to the timeline (timeline promise 5).
 */
export class Presence {
  readonly #rooms = new Map<string, Map<string, number>>();

  /** Counts one more connection of `name` in the room. */
  add(incidentId: string, name: string): void {
    const room = this.#rooms.get(incidentId) ?? new Map<string, number>();
    room.set(name, (room.get(name) ?? 0) + 1);
    this.#rooms.set(incidentId, room);
  }

  /** Counts one connection of `name` fewer; the user leaves the list with their last one. */
  remove(incidentId: string, name: string): void {
    const room = this.#rooms.get(incidentId);
    const count = room?.get(name);
    if (room === undefined || count === undefined) return;
    if (count > 1) room.set(name, count - 1);
    else room.delete(name);
    if (room.size === 0) this.#rooms.delete(incidentId);
  }

  /** The users in the room, by name. */
  users(incidentId: string): PresentUser[] {
    const room = this.#rooms.get(incidentId);
    if (!room) return [];
    return [...room].map(([name, connections]) => ({ name, connections })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Every incident someone is looking at, with its users (the lobby's snapshot). */
  all(): Record<string, PresentUser[]> {
    return Object.fromEntries([...this.#rooms.keys()].map((incidentId) => [incidentId, this.users(incidentId)]));
  }
}
