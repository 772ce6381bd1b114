/** `base`, or `base_2`, `base_3`… — the first one not in `taken`, which it then joins. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}
