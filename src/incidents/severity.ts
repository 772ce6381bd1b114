/** Incident severities, most severe first. */
export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;

export type Severity = (typeof SEVERITIES)[number];

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
