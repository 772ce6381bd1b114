import { describe, expect, it } from 'vitest';
import type { IncidentSummary } from '../../../src/server/incidentSummary.js';
import { Lobby, type LobbyMember, type LobbyRoom, type SummaryUpdate } from '../../../src/server/realtime/lobby.js';

function summary(id: string, lastSeq: number): IncidentSummary {
  return {
    id,
    title: id,
    severity: 'sev2',
    status: 'investigating',
    openedAt: '2024-05-01T12:00:00.000Z',
    openedBy: { kind: 'user', name: 'ana' },
    roles: {},
    lastSeq,
    figures: {},
  };
}

/** A room in memory: what each member received, whichever way (broadcast or its own send). */
class FakeRoom implements LobbyRoom {
  readonly inside = new Set<string>();
  readonly received = new Map<string, string[]>();
  broadcasts = 0;

  member(id: string): LobbyMember {
    return { id, send: (update) => { this.#deliver(id, update); } };
  }

  join(member: LobbyMember): void {
    this.inside.add(member.id);
  }

  leave(member: LobbyMember): void {
    this.inside.delete(member.id);
  }

  broadcast(update: SummaryUpdate): void {
    this.broadcasts++;
    for (const id of this.inside) this.#deliver(id, update);
  }

  /** `id@lastSeq` of what a member received, in order. */
  got(id: string): string[] {
    return this.received.get(id) ?? [];
  }

  #deliver(id: string, { summary: s }: SummaryUpdate): void {
    this.received.set(id, [...this.got(id), `${s.id}@${s.lastSeq}`]);
  }
}

describe('Lobby', () => {
  it('broadcasts each summary once to every watcher; none when nobody watches', () => {
    const room = new FakeRoom();
    const lobby = new Lobby(room);
    expect(lobby.watched).toBe(false);
    lobby.publish(summary('a', 1));
    expect(room.broadcasts).toBe(0);
    for (const id of ['s1', 's2', 's3']) lobby.beginWatch(room.member(id)).finish([]);
    expect(lobby.watched).toBe(true);
    lobby.publish(summary('a', 2));
    expect(room.broadcasts).toBe(1);
    expect(['s1', 's2', 's3'].map((id) => room.got(id))).toEqual([['a@2'], ['a@2'], ['a@2']]);
  });

  it('sends what was published during the list read after it, newest per incident, unless the list held it', () => {
    const room = new FakeRoom();
    const lobby = new Lobby(room);
    const member = room.member('s1');
    const watch = lobby.beginWatch(member);
    expect(lobby.watched).toBe(true);
    lobby.publish(summary('a', 2));
    lobby.publish(summary('b', 5));
    lobby.publish(summary('a', 3));
    lobby.publish(summary('c', 1));
    expect(room.got('s1')).toEqual([]);
    // The list was read after a@3 was stored (and before b@5 and c@1 were).
    watch.finish([summary('a', 3), summary('b', 4)]);
    expect(room.got('s1')).toEqual(['b@5', 'c@1']);
    expect(watch.active).toBe(false);
    lobby.publish(summary('a', 4));
    expect(room.got('s1')).toEqual(['b@5', 'c@1', 'a@4']);
  });

  it('leave stops the watch and a pending one; a second watch replaces the first', () => {
    const room = new FakeRoom();
    const lobby = new Lobby(room);
    const member = room.member('s1');
    const first = lobby.beginWatch(member);
    const second = lobby.beginWatch(member);
    expect(first.active).toBe(false);
    first.finish([]);
    expect(room.inside.size).toBe(0);
    second.finish([]);
    expect(lobby.has(member)).toBe(true);
    lobby.leave(member);
    expect([lobby.has(member), lobby.watched, room.inside.size]).toEqual([false, false, 0]);
    lobby.publish(summary('a', 1));
    expect(room.got('s1')).toEqual([]);

    const pending = lobby.beginWatch(member);
    lobby.leave(member);
    expect(pending.active).toBe(false);
    pending.finish([]);
    expect(room.inside.size).toBe(0);
    const cancelled = lobby.beginWatch(member);
    cancelled.cancel();
    expect(lobby.watched).toBe(false);
  });
});
