import type { AccessRole } from '../../incidents/accessRole.js';
import type { TimelineEvent } from '../../incidents/timelineEvent.js';
import { seesRedactedText, timelineView, type TimelineEntry } from '../../incidents/timelineView.js';

/** Which rendering of the timeline a reader gets: admins see redacted text, everyone else does not. */
export type ViewKind = 'full' | 'redacted';

export function viewKind(role: AccessRole): ViewKind {
  return seesRedactedText({ role }) ? 'full' : 'redacted';
}

/** What a client receives for each live batch of one incident. */
export interface LiveBatch {
  incidentId: string;
  events: TimelineEntry[];
}

/** A reader of live batches (a socket). */
export interface FeedMember {
  id: string;
  role: AccessRole;
  send(batch: LiveBatch): void;
}

/** The broadcast rooms: one per incident and view, so a batch is rendered once per view, not per member. */
export interface FeedRooms {
  join(member: FeedMember, incidentId: string, view: ViewKind): void;
  leave(member: FeedMember, incidentId: string, view: ViewKind): void;
  broadcast(incidentId: string, view: ViewKind, batch: LiveBatch, except: readonly string[]): void;
}

/** A member between its join and the end of its catch-up read. */
export interface CatchUp {
  /**
   * Ends the catch-up once the member was sent everything up to `sentSeq`: sends the live events
   * that arrived meanwhile with a higher seq, then joins the member to the broadcast room.
   */
  finish(sentSeq: number): void;
  /** Drops the catch-up (the member left or its read failed). */
  cancel(): void;
  /** False once finished or cancelled, or replaced by a later join of the same member. */
  readonly active: boolean;
}

interface Pending {
  member: FeedMember;
  buffer: TimelineEvent[];
}

interface Channel {
  pending: Map<string, Pending>;
  joined: Map<string, FeedMember>;
  /**
   * Members whose catch-up read returned events not yet published to the feed (the read ran
   * between an append becoming durable and its publication). They get only the part of the next
   * batches they lack, and no broadcast, until a batch starts after what they hold.
   */
  ahead: Map<string, number>;
  /** The highest seq published since the channel exists. */
  lastPublished: number;
  views: Record<ViewKind, number>;
}

/**
 * The live stream of each incident to its members, without gap or duplicate between a member's
 * catch-up (read from the store) and the live batches (published after they are durable):
 * batches arriving during the catch-up read are buffered and sent after it, minus what it held.
 */
export class LiveFeed {
  readonly #rooms: FeedRooms;
  readonly #channels = new Map<string, Channel>();

  constructor(rooms: FeedRooms) {
    this.#rooms = rooms;
  }

  /** Starts a member's catch-up; call before reading the store, so nothing published meanwhile is lost. */
  beginCatchUp(member: FeedMember, incidentId: string): CatchUp {
    this.leave(member, incidentId);
    const channel = this.#channel(incidentId);
    const pending: Pending = { member, buffer: [] };
    channel.pending.set(member.id, pending);
    const isCurrent = (): boolean => this.#channels.get(incidentId)?.pending.get(member.id) === pending;
    return {
      get active() {
        return isCurrent();
      },
      finish: (sentSeq) => {
        if (!isCurrent()) return;
        channel.pending.delete(member.id);
        const missed = pending.buffer.filter((event) => event.seq > sentSeq);
        let last = sentSeq;
        if (missed.length > 0) {
          member.send({ incidentId, events: timelineView(missed, member) });
          last = missed[missed.length - 1]?.seq ?? last;
        }
        const view = viewKind(member.role);
        channel.joined.set(member.id, member);
        channel.views[view]++;
        this.#rooms.join(member, incidentId, view);
        if (last > channel.lastPublished) channel.ahead.set(member.id, last);
      },
      cancel: () => {
        if (!isCurrent()) return;
        channel.pending.delete(member.id);
        this.#dropIfEmpty(incidentId, channel);
      },
    };
  }

  /** Whether the member is in the incident's room or catching up on it. */
  has(member: FeedMember, incidentId: string): boolean {
    const channel = this.#channels.get(incidentId);
    return channel !== undefined && (channel.joined.has(member.id) || channel.pending.has(member.id));
  }

  /** Whether the member finished its catch-up and gets live batches. */
  isJoined(member: FeedMember, incidentId: string): boolean {
    return this.#channels.get(incidentId)?.joined.has(member.id) ?? false;
  }

  /** Stops the member's catch-up or live stream of the incident. */
  leave(member: FeedMember, incidentId: string): void {
    const channel = this.#channels.get(incidentId);
    if (!channel) return;
    channel.pending.delete(member.id);
    channel.ahead.delete(member.id);
    if (channel.joined.delete(member.id)) {
      const view = viewKind(member.role);
      channel.views[view]--;
      this.#rooms.leave(member, incidentId, view);
    }
    this.#dropIfEmpty(incidentId, channel);
  }

  /** Sends stored events to the members of their incidents. Call with batches in seq order per incident. */
  publish(events: readonly TimelineEvent[]): void {
    for (const [incidentId, batch] of groupByIncident(events)) {
      const channel = this.#channels.get(incidentId);
      if (channel) this.#publish(incidentId, channel, batch);
    }
  }

  #publish(incidentId: string, channel: Channel, batch: TimelineEvent[]): void {
    const first = batch[0]?.seq ?? 0;
    const last = batch[batch.length - 1]?.seq ?? 0;
    channel.lastPublished = Math.max(channel.lastPublished, last);
    for (const pending of channel.pending.values()) pending.buffer.push(...batch);

    const except: string[] = [];
    for (const [memberId, sentSeq] of channel.ahead) {
      const member = channel.joined.get(memberId);
      if (member === undefined || sentSeq < first) {
        channel.ahead.delete(memberId);
        continue;
      }
      except.push(memberId);
      const missing = batch.filter((event) => event.seq > sentSeq);
      if (missing.length > 0) member.send({ incidentId, events: timelineView(missing, member) });
      channel.ahead.set(memberId, Math.max(sentSeq, last));
    }

    for (const view of ['full', 'redacted'] as const) {
      if (channel.views[view] === 0) continue;
      const events = timelineView(batch, { role: view === 'full' ? 'admin' : 'viewer' });
      this.#rooms.broadcast(incidentId, view, { incidentId, events }, except);
    }
  }

  #channel(incidentId: string): Channel {
    let channel = this.#channels.get(incidentId);
    if (!channel) {
      channel = { pending: new Map(), joined: new Map(), ahead: new Map(), lastPublished: 0, views: { full: 0, redacted: 0 } };
      this.#channels.set(incidentId, channel);
    }
    return channel;
  }

  #dropIfEmpty(incidentId: string, channel: Channel): void {
    if (channel.pending.size === 0 && channel.joined.size === 0 && this.#channels.get(incidentId) === channel) {
      this.#channels.delete(incidentId);
    }
  }
}

function groupByIncident(events: readonly TimelineEvent[]): Map<string, TimelineEvent[]> {
  const groups = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const group = groups.get(event.incidentId);
    if (group) group.push(event);
    else groups.set(event.incidentId, [event]);
  }
  return groups;
}
