/** What a user may do on the server, weakest first: each role may do everything the ones before it may. */
export const ACCESS_ROLES = ['viewer', 'responder', 'commander', 'admin'] as const;

export type AccessRole = (typeof ACCESS_ROLES)[number];

export function isAccessRole(value: unknown): value is AccessRole {
  return typeof value === 'string' && (ACCESS_ROLES as readonly string[]).includes(value);
}

/** 0 for viewer up to 3 for admin. */
export function accessRank(role: AccessRole): number {
  return ACCESS_ROLES.indexOf(role);
}
