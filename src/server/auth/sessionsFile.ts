import path from 'node:path';
import { DurableJsonFile } from '../../store/durableJsonFile.js';
import type { StoredSession } from './sessionStore.js';

export const SESSIONS_FILE = 'sessions.json';

interface SessionsDocument {
  version: 1;
  sessions: StoredSession[];
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.idHash === 'string' && typeof s.userName === 'string' && typeof s.expiresAt === 'number';
}

/**
 * The browser sessions file in the data dir (hashes of session ids, never the ids). Losing it only
 * signs people out, so a damaged file is reported and started over, not a reason to refuse to start.
 */
export class SessionsFile {
  readonly file: string;
  readonly #adapter: DurableJsonFile<SessionsDocument>;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, SESSIONS_FILE);
    this.#adapter = new DurableJsonFile<SessionsDocument>(this.file);
  }

  async read(onDamaged: (message: string) => void): Promise<StoredSession[]> {
    let document: unknown;
    try {
      document = await this.#adapter.read();
    } catch (error) {
      onDamaged(`${error instanceof Error ? error.message : String(error)}; browser sessions start over (people sign in again)`);
      return [];
    }
    if (document === null) return [];
    const sessions = (document as { sessions?: unknown }).sessions;
    if (!Array.isArray(sessions)) {
      onDamaged(`${this.file} has no sessions list; browser sessions start over (people sign in again)`);
      return [];
    }
    return sessions.filter(isStoredSession);
  }

  write(sessions: StoredSession[]): Promise<void> {
    return this.#adapter.write({ version: 1, sessions });
  }
}
