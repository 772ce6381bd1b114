// Incident ids become file names: letters, digits, `_` and `-` stay, every other character is
// written as %XX per UTF-8 byte (like a URL), so any id maps to one safe name and back.

const KEEP = /^[A-Za-z0-9_-]$/;
const MAX_NAME_BYTES = 200;
export const LOG_SUFFIX = '.jsonl';

function encode(incidentId: string): string {
  let name = '';
  for (const ch of incidentId) {
    if (KEEP.test(ch)) name += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) name += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return name;
}

/** Why `incidentId` cannot be stored, or undefined when it can. */
export function incidentIdProblem(incidentId: string): string | undefined {
  if (incidentId.length === 0) return 'an incident id must not be empty';
  if (Buffer.from(incidentId, 'utf8').toString('utf8') !== incidentId) return `incident id ${JSON.stringify(incidentId)} is not well-formed Unicode`;
  const bytes = encode(incidentId).length;
  if (bytes > MAX_NAME_BYTES) {
    return `incident id ${JSON.stringify(incidentId.slice(0, 40))}… is too long: ${bytes} bytes as a file name (letters, digits, _ and - count 1, other characters 3 per UTF-8 byte), at most ${MAX_NAME_BYTES}`;
  }
  return undefined;
}

/** The log file name (no folder) of an incident; the id must have passed `incidentIdProblem`. */
export function logFileName(incidentId: string): string {
  return `${encode(incidentId)}${LOG_SUFFIX}`;
}

/** The incident id a log file name stands for, or undefined when the name is not one `logFileName` makes. */
export function incidentIdOfLogFile(name: string): string | undefined {
  if (!name.endsWith(LOG_SUFFIX)) return undefined;
  const stem = name.slice(0, -LOG_SUFFIX.length);
  if (!/^(?:[A-Za-z0-9_-]|%[0-9A-F]{2})+$/.test(stem)) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(stem);
  } catch {
    return undefined;
  }
  return logFileName(id) === name ? id : undefined;
}
