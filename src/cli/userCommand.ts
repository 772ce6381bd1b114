import path from 'node:path';
import { ACCESS_ROLES, isAccessRole } from '../incidents/accessRole.js';
import { addUser, readUsersFile, usersFilePath, UsersFileError } from '../server/auth/usersFile.js';
import type { CliIo } from './cliIo.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './cliIo.js';
import { parseCliArgs } from './parseCliArgs.js';

const HELP = `usage: runpath user add <name> --role <role> [--data <dir>] [--replace]
       runpath user list [--data <dir>]

add   creates a user with a new API token and prints the token once: only its hash is stored
      (in <data>/users.json), so it cannot be shown again. A running server picks the user up
      without a restart.
list  shows the users and their access roles (never tokens).

roles, each allowed what the ones before it are:
  viewer      read incidents and runbooks
  responder   write to the timeline, walk runbooks, open incidents
  commander   incident roles, status, severity, redaction
  admin       everything, and reading redacted text

options:
      --role <role>    ${ACCESS_ROLES.join(', ')}
  -d, --data <dir>     the server's data dir (default: ./data)
      --replace        give an existing user a new token (and this role); the old token stops working
  -h, --help           show this help
`;

/** `runpath user add|list`. */
export async function userCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(args, {
    role: { type: 'string' },
    data: { type: 'string', short: 'd' },
    replace: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const [action, name, ...rest] = positionals;
  const dataDir = path.resolve(io.cwd, values.data ?? 'data');
  if (action === 'list') {
    if (name !== undefined) throw new UsageError('user list takes no arguments');
    return listUsers(dataDir, io);
  }
  if (action !== 'add') throw new UsageError(action === undefined ? 'name an action: add or list' : `unknown action '${action}'; use add or list`);
  if (name === undefined) throw new UsageError('user add needs a name: runpath user add <name> --role <role>');
  if (rest.length > 0) throw new UsageError(`user add takes one name; got also '${rest.join(' ')}'`);
  const role = values.role;
  if (role === undefined) throw new UsageError(`user add needs --role: one of ${ACCESS_ROLES.join(', ')}`);
  if (!isAccessRole(role)) throw new UsageError(`--role must be one of ${ACCESS_ROLES.join(', ')}, not '${role}'`);
  try {
    const { user, token } = await addUser(dataDir, { name, role, now: new Date().toISOString(), replace: values.replace === true });
    io.stderr(`${values.replace === true ? 'Replaced' : 'Added'} user ${user.name} (${user.role}) in ${usersFilePath(dataDir)}. Its API token, shown only this once:\n`);
    io.stdout(`${token}\n`);
    io.stderr('Send it as Authorization: Bearer <token>, or sign in with it in the browser.\n');
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof UsersFileError)) throw error;
    io.stderr(`runpath user: ${error.message}\n`);
    return EXIT_PROBLEMS;
  }
}

async function listUsers(dataDir: string, io: CliIo): Promise<number> {
  try {
    const users = await readUsersFile(usersFilePath(dataDir));
    if (users.length === 0) {
      io.stderr(`no users in ${dataDir}; runpath serve creates admin on its first start, or add one with runpath user add\n`);
      return EXIT_OK;
    }
    const width = Math.max(...users.map((u) => u.name.length));
    for (const u of users) io.stdout(`${u.name.padEnd(width)}  ${u.role.padEnd(9)}  since ${u.createdAt}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof UsersFileError)) throw error;
    io.stderr(`runpath user: ${error.message}\n`);
    return EXIT_PROBLEMS;
  }
}
