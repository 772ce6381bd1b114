import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/incidents/timelineEvent.js';
import { LiveFeed, type FeedMember, type FeedRooms, type LiveBatch, type ViewKind } from '../../../src/server/realtime/liveFeed.js';
import type { AccessRole } from '../../../src/incidents/accessRole.js';

function event(incidentId: string, seq: number, type = 'note.added', data: unknown = { text: `note ${seq}` }): TimelineEvent {
  return { incidentId, seq, id: `${incidentId}-${seq}`, at: '2024-05-01T12:00:00.000Z', type, actor: { kind: 'user', name: 'ana' }, data };
}

/** Rooms in memory: what each member received, whichever way (broadcast or its own send). */
class FakeRooms implements FeedRooms {
  readonly members = new Map<string, { member: FeedMember; rooms: Set<string> }>();
  readonly received = new Map<string, LiveBatch[]>();
  broadcasts = 0;

  member(id: string, role: AccessRole = 'responder'): FeedMember {
    const member: FeedMember = { id, role, send: (batch) => { this.#deliver(id, batch); } };
    this.members.set(id, { member, rooms: new Set() });
    return member;
  }

  join(member: FeedMember, incidentId: string, view: ViewKind): void {
    this.members.get(member.id)?.rooms.add(`${view}:${incidentId}`);
  }

  leave(member: FeedMember, incidentId: string, view: ViewKind): void {
    this.members.get(member.id)?.rooms.delete(`${view}:${incidentId}`);
  }

  broadcast(incidentId: string, view: ViewKind, batch: LiveBatch, except: readonly string[]): void {
    this.broadcasts++;
    for (const [id, { rooms }] of this.members) {
      if (rooms.has(`${view}:${incidentId}`) && !except.includes(id)) this.#deliver(id, batch);
    }
  }

  seqs(id: string): number[] {
    return (this.received.get(id) ?? []).flatMap((batch) => batch.events.map((e) => e.seq));
  }

  #deliver(id: string, batch: LiveBatch): void {
    this.received.set(id, [...(this.received.get(id) ?? []), batch]);
  }
}

describe('LiveFeed', () => {
  it('sends a joined member each published batch once, in order, and nothing for other incidents', () => {
    const rooms = new FakeRooms();
    const feed = new LiveFeed(rooms);
    const ana = rooms.member('ana');
    feed.beginCatchUp(ana, 'inc-1').finish(0);
    feed.publish([event('inc-1', 1), event('inc-1', 2)]);
    feed.publish([event('inc-2', 1)]);
    feed.publish([event('inc-1', 3)]);
    expect(rooms.seqs('ana')).toEqual([1, 2, 3]);
    expect(rooms.received.get('ana')?.every((b) => b.incidentId === 'inc-1')).toBe(true);
  });

  it('buffers batches published during the catch-up read and sends only those after what the read held', () => {
    const rooms = new FakeRooms();
    const feed = new LiveFeed(rooms);
    const ana = rooms.member('ana');
    feed.beginCatchUp(rooms.member('bob'), 'inc-1').finish(3);
    const catchUp = feed.beginCatchUp(ana, 'inc-1');
    // Published while the read runs: 4 made it into the read, 5 and 6 did not.
    feed.publish([event('inc-1', 4)]);
    feed.publish([event('inc-1', 5), event('inc-1', 6)]);
    expect(rooms.seqs('ana')).toEqual([]);
    catchUp.finish(4);
    expect(rooms.seqs('ana')).toEqual([5, 6]);
    feed.publish([event('inc-1', 7)]);
    expect(rooms.seqs('ana')).toEqual([5, 6, 7]);
    expect(rooms.seqs('bob')).toEqual([4, 5, 6, 7]);
  });

  it('does not repeat events a catch-up read held before they were published (read between durable and publish)', () => {
    const rooms = new FakeRooms();
    const feed = new LiveFeed(rooms);
    feed.beginCatchUp(rooms.member('bob'), 'inc-1').finish(0);
    feed.publish([event('inc-1', 1)]);
    const ana = rooms.member('ana');
    // The read saw 2 and 3 (durable), but the service has not published them yet.
    feed.beginCatchUp(ana, 'inc-1').finish(3);
    feed.publish([event('inc-1', 2), event('inc-1', 3), event('inc-1', 4)]);
    feed.publish([event('inc-1', 5)]);
    expect(rooms.seqs('ana')).toEqual([4, 5]);
    expect(rooms.seqs('bob')).toEqual([1, 2, 3, 4, 5]);
  });

  it('sends nothing to a member whose catch-up held the whole batch', () => {
    const rooms = new FakeRooms();
    const feed = new LiveFeed(rooms);
    const ana = rooms.member('ana');
    feed.beginCatchUp(ana, 'inc-1').finish(2);
    feed.publish([event('inc-1', 1), event('inc-1', 2)]);
    feed.publish([event('inc-1', 3)]);
    expect(rooms.seqs('ana')).toEqual([3]);
  });

  it('stops sending after leave, and a cancelled or replaced catch-up never joins', () => {
    const rooms = new FakeRooms();
    const feed = new LiveFeed(rooms);
    const ana = rooms.member('ana');
    feed.beginCatchUp(ana, 'inc-1').finish(0);
    feed.publish([event('inc-1', 1)]);
    feed.leave(ana, 'inc-1');
    feed.publish([event('inc-1', 2)]);
    expect(rooms.seqs('ana')).toEqual([1]);
    expect(feed.has(ana, 'inc-1')).toBe(false);

    const cancelled = feed.beginCatchUp(ana, 'inc-1');
    cancelled.cancel();
    expect(cancelled.active).toBe(false);
    cancelled.finish(2);
    feed.publish([event('inc-1', 3)]);
    expect(rooms.seqs('ana')).toEqual([1]);

    const first = feed.beginCatchUp(ana, 'inc-1');
    const second = feed.beginCatchUp(ana, 'inc-1');
    expect(first.active).toBe(false);
    first.finish(3);
    expect(feed.isJoined(ana, 'inc-1')).toBe(false);
    second.finish(3);
    expect(feed.isJoined(ana, 'inc-1')).toBe(true);
  });

  it('renders each batch once per view: redacted text reaches admins only', () => {
    const rooms = new FakeRooms();
    const feed = new LiveFeed(rooms);
    feed.beginCatchUp(rooms.member('admin', 'admin'), 'inc-1').finish(0);
    feed.beginCatchUp(rooms.member('viewer', 'viewer'), 'inc-1').finish(0);
    feed.beginCatchUp(rooms.member('responder', 'responder'), 'inc-1').finish(0);
    feed.publish([event('inc-1', 1, 'note.added', { text: 'the db password is hunter2' }), event('inc-1', 2, 'entry.redacted', { seq: 1, reason: 'secret' })]);
    expect(rooms.broadcasts).toBe(2);
    const note = (id: string): unknown => rooms.received.get(id)?.[0]?.events[0];
    expect(note('admin')).toMatchObject({ seq: 1, data: { text: 'the db password is hunter2' }, redacted: { seq: 2, reason: 'secret' } });
    for (const id of ['viewer', 'responder']) {
      expect(note(id)).toMatchObject({ seq: 1, data: {}, redacted: { seq: 2 } });
      expect(JSON.stringify(note(id))).not.toContain('hunter2');
    }
  });

  it('does not render a batch for incidents nobody follows', () => {
    const rooms = new FakeRooms();
    const feed = new LiveFeed(rooms);
    feed.beginCatchUp(rooms.member('ana'), 'inc-1').finish(0);
    feed.publish([event('inc-9', 1)]);
    expect(rooms.broadcasts).toBe(0);
  });
});
