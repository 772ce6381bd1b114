import { describe, expect, it } from 'vitest';
import { Presence } from '../../../src/server/realtime/presence.js';

describe('Presence', () => {
  it('counts connections per user and room, lists users by name, and forgets a user with their last connection', () => {
    const presence = new Presence();
    presence.add('inc-1', 'zoe');
    presence.add('inc-1', 'ana');
    presence.add('inc-1', 'ana');
    presence.add('inc-2', 'bob');
    expect(presence.users('inc-1')).toEqual([{ name: 'ana', connections: 2 }, { name: 'zoe', connections: 1 }]);
    presence.remove('inc-1', 'ana');
    presence.remove('inc-1', 'zoe');
    expect(presence.users('inc-1')).toEqual([{ name: 'ana', connections: 1 }]);
    presence.remove('inc-1', 'ana');
    presence.remove('inc-1', 'ana');
    expect(presence.users('inc-1')).toEqual([]);
    expect(presence.users('inc-2')).toEqual([{ name: 'bob', connections: 1 }]);
  });
});
