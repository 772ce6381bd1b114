/** The entries every map has, with the same value (Alertmanager's commonLabels, commonAnnotations). */
export function commonEntries(maps: readonly Readonly<Record<string, string>>[]): Record<string, string> {
  const [first, ...rest] = maps;
  if (!first) return {};
  return Object.fromEntries(Object.entries(first).filter(([key, value]) => rest.every((map) => Object.hasOwn(map, key) && map[key] === value)));
}
