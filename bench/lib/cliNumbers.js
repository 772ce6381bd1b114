// Flag parsing shared by the benches: a bench refuses a malformed number rather than guessing.

/** A whole number from 1 to `max`, or `fallback` when the flag is absent. */
export function wholeNumber(value, name, fallback, max) {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new Error(`${name} takes a whole number from 1 to ${max}, got '${value}'`);
  return Number(value);
}
