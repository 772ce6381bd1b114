import type { CliIo } from '../cliIo.js';

/** Colour only on a terminal, and never when NO_COLOR is set to a non-empty value (https://no-color.org) or TERM is dumb. */
export function shouldUseColor(io: Pick<CliIo, 'interactive' | 'env'>): boolean {
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  if (io.env.TERM === 'dumb') return false;
  return io.interactive;
}
