import { Writable } from 'node:stream';
import type { AccessRole } from '../../../src/incidents/accessRole.js';
import { createSources } from '../../../src/metrics/createSources.js';
import type { FixtureScenario } from '../../../src/metrics/fixture/fixtureScenario.js';
import type { Runbook } from '../../../src/runbook/types.js';
import { assembleServer, type AssembledServer } from '../../../src/server/assembleServer.js';
import { hashToken } from '../../../src/server/auth/apiToken.js';
import { UserDirectory } from '../../../src/server/auth/userDirectory.js';
import { createLogger } from '../../../src/server/createLogger.js';
import type { RunbookCatalog } from '../../../src/server/runbookCatalog.js';
import type { EventStore } from '../../../src/store/eventStore.js';
import { MemoryEventStore } from '../../../src/store/memoryEventStore.js';
import { dbSlow, dbSlowScenario } from '../../fixtures/server/runbooks.js';

/** A token per access role; each user is named after its role (viewer, responder, commander, admin). */
export const TOKENS: Record<AccessRole, string> = {
  viewer: 'rpt_viewer-token',
  responder: 'rpt_responder-token',
  commander: 'rpt_commander-token',
  admin: 'rpt_admin-token',
};

export const bearer = (role: AccessRole): string => `Bearer ${TOKENS[role]}`;

export interface TestApp extends AssembledServer {
  store: EventStore;
  /** Every log line written so far, parsed. */
  logs: () => Record<string, unknown>[];
  /** The raw log text (to check nothing secret is in it). */
  logText: () => string;
}

export interface TestAppOptions {
  store?: EventStore;
  runbooks?: Runbook[];
  /** A whole catalog (with problems and rejected files) instead of `runbooks`. */
  catalog?: RunbookCatalog;
  scenarios?: Record<string, FixtureScenario>;
  authLimit?: number;
  now?: () => number;
}

/** The assembled server on a memory store (or the one given), four users, the db-slow runbook and its scenario. */
export function testApp(options: TestAppOptions = {}): TestApp {
  const store = options.store ?? new MemoryEventStore();
  const runbooks = options.runbooks ?? [dbSlow];
  const scenarios = options.scenarios ?? { [dbSlow.id]: dbSlowScenario };
  const users = UserDirectory.of(
    (Object.keys(TOKENS) as AccessRole[]).map((role) => ({ name: role, role, tokenHash: hashToken(TOKENS[role]), createdAt: '2024-05-01T00:00:00.000Z' })),
  );
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const server = assembleServer({
    store,
    runbooks: options.catalog ?? new Map(runbooks.map((r) => [r.id, r])),
    sources: (runbook) => {
      const fixture = scenarios[runbook.id];
      return createSources(runbook, { overrides: {}, env: {}, ...(fixture ? { fixture } : {}) });
    },
    users,
    logger: createLogger({ destination, level: 'debug' }),
    processMetrics: false,
    authFailures: { limit: options.authLimit ?? 10 },
    ...(options.now ? { now: options.now } : {}),
  });
  const logText = (): string => chunks.join('');
  const logs = (): Record<string, unknown>[] =>
    logText()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { ...server, store, logs, logText };
}
