// Types for toYaml.js, for the tests in test/bench/.
export function toYaml(doc: Record<string, unknown>, comments?: string[]): string;
