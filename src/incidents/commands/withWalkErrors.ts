import { WalkError } from '../../engine/walkError.js';
import { CommandError, type CommandErrorDetails } from '../commandError.js';

/** Runs an engine call; a WalkError becomes the CommandError of the same code (and message). */
export function withWalkErrors<T>(run: () => T, details?: CommandErrorDetails): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof WalkError) throw new CommandError(err.code, err.message, details);
    throw err;
  }
}
