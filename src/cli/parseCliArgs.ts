import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cliIo.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode with positionals, turning its errors (unknown flags, missing values:
 * TypeErrors with ERR_PARSE_ARGS_* codes) into UsageErrors so the command exits 2 with usage help.
 */
export function parseCliArgs<O extends Options>(args: string[], options: O): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) throw new UsageError(err.message);
    throw err;
  }
}
