import type { IncidentStatus, Severity } from '../api/apiTypes.js';

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span class={`badge sev sev-${severity}`}>{severity.toUpperCase()}</span>;
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return <span class={`badge status status-${status}`}>{status}</span>;
}
