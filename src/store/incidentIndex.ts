import { incidentIdProblem, logFileName } from './logFileName.js';

/** `incidents/index.json`: every incident in creation order, kept by lowdb (a small document, rewritten only when an incident is created). */
export interface IncidentIndex {
  version: 1;
  incidents: IndexEntry[];
}

export interface IndexEntry {
  id: string;
  /** Its log's file name in `incidents/` (derived from the id; written out for people reading the dir). */
  log: string;
}

export function emptyIndex(): IncidentIndex {
  return { version: 1, incidents: [] };
}

/** What is wrong with a parsed index document, or undefined. */
export function incidentIndexProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'the index is not a JSON object';
  const doc = value as Partial<Record<keyof IncidentIndex, unknown>>;
  if (doc.version !== 1) return `the index has version ${JSON.stringify(doc.version)}; this runpath reads version 1`;
  if (!Array.isArray(doc.incidents)) return 'the index has no `incidents` array';
  const seen = new Set<string>();
  for (const [i, entry] of (doc.incidents as unknown[]).entries()) {
    const e = entry as Partial<Record<keyof IndexEntry, unknown>> | null;
    if (typeof e !== 'object' || e === null || typeof e.id !== 'string' || typeof e.log !== 'string') return `incidents[${i}] needs an id and a log name`;
    const idProblem = incidentIdProblem(e.id);
    if (idProblem !== undefined) return `incidents[${i}]: ${idProblem}`;
    if (e.log !== logFileName(e.id)) return `incidents[${i}] names log ${JSON.stringify(e.log)}, but incident ${JSON.stringify(e.id)} has log ${JSON.stringify(logFileName(e.id))}`;
    if (seen.has(e.id)) return `incidents[${i}] lists incident ${JSON.stringify(e.id)} a second time`;
    seen.add(e.id);
  }
  return undefined;
}
