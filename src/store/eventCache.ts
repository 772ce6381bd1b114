import type { TimelineEvent } from '../incidents/timelineEvent.js';

/**
 * Whole incidents' events kept in memory for reads, least recently used dropped first, so memory
 * stays bounded by `budget` events however many incidents the data dir holds. An incident
 * larger than the budget is read from its file each time.
 */
export class EventCache {
  readonly #budget: number;
  readonly #entries = new Map<string, TimelineEvent[]>();
  #size = 0;

  constructor(budget: number) {
    if (!(Number.isSafeInteger(budget) && budget >= 0)) throw new RangeError(`the event cache budget must be a whole number ≥ 0, not ${String(budget)}`);
    this.#budget = budget;
  }

  get size(): number {
    return this.#size;
  }

  /** The cached events of an incident (marked as recently used), or undefined. Do not change the array. */
  get(incidentId: string): TimelineEvent[] | undefined {
    const events = this.#entries.get(incidentId);
    if (events) {
      this.#entries.delete(incidentId);
      this.#entries.set(incidentId, events);
    }
    return events;
  }

  /** Caches all events of an incident. */
  put(incidentId: string, events: TimelineEvent[]): void {
    this.delete(incidentId);
    if (events.length > this.#budget) return;
    this.#entries.set(incidentId, events);
    this.#size += events.length;
    this.#evict(incidentId);
  }

  /** Adds newly committed events to a cached incident (an uncached one stays uncached). */
  append(incidentId: string, events: readonly TimelineEvent[]): void {
    const cached = this.#entries.get(incidentId);
    if (!cached) return;
    if (cached.length + events.length > this.#budget) {
      this.delete(incidentId);
      return;
    }
    cached.push(...events);
    this.#size += events.length;
    this.#evict(incidentId);
  }

  delete(incidentId: string): void {
    const cached = this.#entries.get(incidentId);
    if (!cached) return;
    this.#entries.delete(incidentId);
    this.#size -= cached.length;
  }

  #evict(keep: string): void {
    for (const [id, events] of this.#entries) {
      if (this.#size <= this.#budget) return;
      if (id === keep) continue;
      this.#entries.delete(id);
      this.#size -= events.length;
    }
  }
}
