// What a command may touch besides the file system: its output streams and working folder.
// Commands take this instead of using process.* so tests can run them in-process.

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Environment variables (for source URLs and credentials); never printed. */
  env: Readonly<Record<string, string | undefined>>;
  /** True when stdin/stdout are a terminal, so a command may prompt or show progress. */
  interactive: boolean;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

/** A usage error: bad flags or arguments. Commands throw it; main prints it with the usage line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
