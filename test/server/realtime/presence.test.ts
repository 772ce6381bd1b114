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

  it('all: every incident someone looks at, with its users; none once they left', () => {
    const presence = new Presence();
    expect(presence.all()).toEqual({});
    presence.add('inc-1', 'zoe');
    presence.add('inc-2', 'bob');
    presence.add('inc-2', 'bob');
    expect(presence.all()).toEqual({ 'inc-1': [{ name: 'zoe', connections: 1 }], 'inc-2': [{ name: 'bob', connections: 2 }] });
    presence.remove('inc-1', 'zoe');
    expect(presence.all()).toEqual({ 'inc-2': [{ name: 'bob', connections: 2 }] });
    presence.add('__proto__', 'eve');
    expect(Object.keys(presence.all())).toEqual(['inc-2', '__proto__']);
  });
});
