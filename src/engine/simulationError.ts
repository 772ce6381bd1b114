/** A simulated value in a test file that cannot be turned into an observation; the message says how to fix it. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
}
