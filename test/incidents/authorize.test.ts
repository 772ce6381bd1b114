import { describe, expect, it } from 'vitest';
import { ACCESS_ROLES, type AccessRole } from '../../src/incidents/accessRole.js';
import { authorize, minimumRole, requireAuthorized, type Permission } from '../../src/incidents/authorize.js';
import { COMMAND_NAMES } from '../../src/incidents/commandName.js';
import { commandError } from '../fixtures/incidents/timeline.js';

const PERMISSIONS: Permission[] = [...COMMAND_NAMES, 'read', 'readRedacted'];

/** Who may do what, written out: the table the issue describes. */
const EXPECTED: Record<AccessRole, Permission[]> = {
  viewer: ['read'],
  responder: ['read', 'openIncident', 'addNote', 'starEntry', 'startWalk', 'answerQuestion', 'completeAction', 'recordCheck', 'recordAlert', 'addFeedback', 'addFollowUp'],
  commander: [
    'read', 'openIncident', 'addNote', 'starEntry', 'startWalk', 'answerQuestion', 'completeAction', 'recordCheck', 'recordAlert', 'addFeedback', 'addFollowUp',
    'assignRole', 'changeStatus', 'changeSeverity', 'redactEntry',
  ],
  admin: PERMISSIONS,
};

describe('authorize', () => {
  it.each(ACCESS_ROLES)('allows a %s exactly its permissions', (role) => {
    const allowed = PERMISSIONS.filter((p) => authorize(role, p));
    expect(allowed.sort()).toEqual([...EXPECTED[role]].sort());
  });

  it('names the weakest role for each permission', () => {
    expect(minimumRole('read')).toBe('viewer');
    expect(minimumRole('changeStatus')).toBe('commander');
    expect(minimumRole('readRedacted')).toBe('admin');
  });

  it('refuses with forbidden (403) and says which role is needed', () => {
    const err = commandError(() => {
      requireAuthorized('responder', 'changeStatus');
    });
    expect(err.code).toBe('forbidden');
    expect(err.status).toBe(403);
    expect(err.message).toBe(
      'changing the status needs the commander access role or higher, and you are a responder; ask an admin for the commander role, or someone who has it to do this',
    );
    expect(commandError(() => {
      requireAuthorized('viewer', 'addNote');
    }).message).toContain('adding a note needs the responder access role');
  });

  it('lets an allowed role through', () => {
    expect(() => {
      requireAuthorized('admin', 'redactEntry');
    }).not.toThrow();
  });
});
