// A real http server on 127.0.0.1 with the real incident service and the gateway, and real
// socket.io clients: what the gateway tests drive.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import type { AccessRole } from '../../../src/incidents/accessRole.js';
import type { TimelineEntry } from '../../../src/incidents/timelineView.js';
import { createIncidentService, type IncidentService } from '../../../src/server/incidentService.js';
import { attachRealtime, type Realtime, type RealtimeOptions } from '../../../src/server/realtime/attachRealtime.js';
import type { LiveBatch } from '../../../src/server/realtime/liveFeed.js';
import type { RealtimeService } from '../../../src/server/realtime/realtimeService.js';
import type { PresenceUpdate } from '../../../src/server/realtime/socketSession.js';
import type { ServiceResult } from '../../../src/server/serviceResult.js';
import type { EventStore } from '../../../src/store/eventStore.js';
import { createSources } from '../../../src/metrics/createSources.js';
import { dbSlow, dbSlowScenario } from '../../fixtures/server/runbooks.js';
import { MemoryEventStore } from '../../../src/store/memoryEventStore.js';

/** Tokens of the test users, by the user they stand for. */
export const USERS: Record<string, { name: string; role: AccessRole }> = {
  'token-ana': { name: 'ana', role: 'responder' },
  'token-ana-2': { name: 'ana', role: 'responder' },
  'token-bob': { name: 'bob', role: 'responder' },
  'token-cam': { name: 'cam', role: 'commander' },
  'token-vic': { name: 'vic', role: 'viewer' },
  'token-adm': { name: 'adm', role: 'admin' },
};

export interface Harness {
  url: string;
  service: IncidentService;
  store: EventStore;
  realtime: Realtime;
  http: HttpServer;
  clients: ClientSocket[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  store?: EventStore;
  realtime?: Partial<RealtimeOptions>;
  /** Stands between the gateway and the service (to delay its reads or its publications). */
  wrapService?: (service: IncidentService) => RealtimeService;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const store = options.store ?? new MemoryEventStore();
  const service = createIncidentService({
    store,
    runbooks: new Map([[dbSlow.id, dbSlow]]),
    sources: (runbook) => createSources(runbook, { overrides: {}, env: {}, fixture: dbSlowScenario }),
    now: Date.now,
  });
  const http = createServer();
  const realtime = attachRealtime(http, {
    service: options.wrapService ? options.wrapService(service) : service,
    authenticate: ({ token }) => (token === undefined ? undefined : USERS[token]),
    logger: pino({ level: 'silent' }),
    ...options.realtime,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const harness: Harness = {
    url: `http://127.0.0.1:${port}`,
    service,
    store,
    realtime,
    http,
    clients: [],
    close: async () => {
      for (const client of harness.clients) client.disconnect();
      realtime.close();
      await new Promise<void>((resolve) => http.close(() => { resolve(); }));
      await service.close();
      await store.close();
    },
  };
  return harness;
}

/** A client of the gateway that records what it receives. */
export interface Client {
  socket: ClientSocket;
  batches: LiveBatch[];
  presence: PresenceUpdate[];
  rejected: unknown[];
  /** Seqs of the live events received for an incident, in arrival order. */
  live(incidentId: string): number[];
  request(event: string, ...args: unknown[]): Promise<ServiceResult>;
  join(incidentId: string, afterSeq?: number): Promise<JoinAnswer>;
}

export interface JoinAnswer {
  status: number;
  body: { incidentId: string; events: TimelineEntry[]; lastSeq: number; presence: { name: string; connections: number }[] };
}

export function connectSocket(harness: Harness, auth: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): ClientSocket {
  const socket = connectClient(harness.url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(auth ? { auth } : {}), ...extra });
  harness.clients.push(socket);
  return socket;
}

/** Connects with the token and resolves once connected (rejects with the connect_error). */
export async function connect(harness: Harness, token: string): Promise<Client> {
  const socket = connectSocket(harness, { token });
  const client: Client = {
    socket,
    batches: [],
    presence: [],
    rejected: [],
    live: (incidentId) => client.batches.filter((b) => b.incidentId === incidentId).flatMap((b) => b.events.map((e) => e.seq)),
    request: (event, ...args) => socket.timeout(5000).emitWithAck(event, ...args) as Promise<ServiceResult>,
    join: async (incidentId, afterSeq = 0) => (await client.request('join', { incidentId, afterSeq })) as JoinAnswer,
  };
  socket.on('events', (batch: LiveBatch) => client.batches.push(batch));
  socket.on('presence', (update: PresenceUpdate) => client.presence.push(update));
  socket.on('rejected', (answer: unknown) => client.rejected.push(answer));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return client;
}

/** Opens an incident through the service as ana; its id. */
export async function openIncident(service: IncidentService, title = 'checkout is down'): Promise<string> {
  const result = await service.open({ kind: 'user', name: 'ana' }, 'responder', { title, severity: 'sev2' });
  if (result.status !== 201) throw new Error(`open failed: ${JSON.stringify(result)}`);
  return (result.body as { id: string }).id;
}

export async function addNote(service: IncidentService, incidentId: string, text: string): Promise<ServiceResult> {
  return service.command(incidentId, { kind: 'user', name: 'bob' }, 'responder', { type: 'note', text });
}

/** Polls until `check` passes (or throws its last failure after `ms`). */
export async function eventually(check: () => void, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** A gate a test opens: `wait()` resolves once `open()` was called. */
export function gate(): { wait: () => Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { wait: () => opened, open: () => { open(); } };
}
