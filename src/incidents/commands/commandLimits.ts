/** Size limits of command payloads (the server's JSON Schemas may reuse them). */
export const COMMAND_LIMITS = {
  title: 200,
  summary: 4000,
  note: 10_000,
  reason: 1000,
  user: 100,
  node: 200,
  label: 200,
  /** Entries of an inputs or labels map, and the length of each key. */
  mapEntries: 64,
  mapKey: 100,
  /** Same as the engine's MAX_INPUT_LENGTH. */
  mapValue: 1024,
  /** A backdated note may claim a time this far after the server's now (client clocks drift). */
  claimSkewMs: 60_000,
} as const;
