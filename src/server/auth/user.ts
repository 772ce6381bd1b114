import { isAccessRole, type AccessRole } from '../../incidents/accessRole.js';

/** A user of the server, as the users file stores it: never the token itself. */
export interface User {
  name: string;
  role: AccessRole;
  /** sha256 of the API token, base64url (apiToken.ts). */
  tokenHash: string;
  /** ISO 8601. */
  createdAt: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Why `name` cannot be a user name, or undefined when it can. */
export function userNameProblem(name: string): string | undefined {
  if (NAME.test(name)) return undefined;
  return `user name ${JSON.stringify(name.slice(0, 80))} is not allowed: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`;
}

/** Whether a parsed JSON value is a well-formed user record. */
export function isUser(value: unknown): value is User {
  if (typeof value !== 'object' || value === null) return false;
  const u = value as Partial<Record<keyof User, unknown>>;
  return typeof u.name === 'string' && userNameProblem(u.name) === undefined && isAccessRole(u.role) && typeof u.tokenHash === 'string' && u.tokenHash.length > 0 && typeof u.createdAt === 'string';
}
