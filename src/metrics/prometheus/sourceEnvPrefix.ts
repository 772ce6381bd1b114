/** `RUNPATH_SOURCE_MAIN_PROM_`: where a source's URL and credentials live in the environment. */
export function sourceEnvPrefix(name: string): string {
  return `RUNPATH_SOURCE_${name.toUpperCase().replace(/-/g, '_')}_`;
}
