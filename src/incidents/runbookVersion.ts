/**
 * One version of a runbook as the server loaded it: the file's text and the sha256 (hex) of that
 * text. An incident pins the version it walks (runbook.pinned), so a later edit of the file does
 * not change a walk under way.
 */
export interface RunbookVersion {
  hash: string;
  text: string;
  /** The file it was read from, when there is one. */
  file?: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/u;

/** Whether a value is a sha256 in lowercase hex, the form every runbook hash takes. */
export function isRunbookHash(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}
