import type { RunbookFeedbackItem } from '../incidents/runbookFeedbackItem.js';
import { randomUUID } from 'node:crypto';
import { WalkError } from '../engine/walkError.js';
import type { AccessRole } from '../incidents/accessRole.js';
import { requireAuthorized } from '../incidents/authorize.js';
import { CommandError } from '../incidents/commandError.js';
import type { CommandContext } from '../incidents/commands/commandContext.js';
import { requireOpenIncident } from '../incidents/commands/requireIncident.js';
import { requireWalkAt, walkRunbook } from '../incidents/commands/requireWalkAt.js';
import { DamagedTimelineError } from '../incidents/damagedTimelineError.js';
import { executeCommand, type IncidentCommand } from '../incidents/executeCommand.js';
import type { Incident, IncidentFeedback } from '../incidents/incident.js';
import type { IncidentDraft } from '../incidents/incidentEvent.js';
import { typedEvent } from '../incidents/parseIncidentEvent.js';
import { reduceIncident } from '../incidents/reduceIncident.js';
import type { Actor, TimelineEvent } from '../incidents/timelineEvent.js';
import { timelineView } from '../incidents/timelineView.js';
import type { MetricSource } from '../metrics/metricSource.js';
import { stepCheck } from '../metrics/stepCheck.js';
import type { CatalogEntry } from '../runbook/checkCatalog.js';
import { loadRunbook } from '../runbook/loadRunbook.js';
import type { Runbook } from '../runbook/types.js';
import type { EventStore, IdempotencyRecord } from '../store/eventStore.js';
import { IdempotencyKeyTakenError, StaleAppendError } from '../store/eventStore.js';
import { StoreClosedError, StoreFailedError } from '../store/storeErrors.js';
import { ApiError } from './apiError.js';
import { apiProblem } from './apiProblem.js';
import { parseApiCommand, type ServiceCommand } from './apiCommand.js';
import { validateApiBody } from './apiSchemas.js';
import { incidentState, incidentSummary, runbookSummary } from './incidentSummary.js';
import { KeyedQueue } from './keyedQueue.js';
import { payloadFingerprint } from './payloadFingerprint.js';
import { runbookCatalog, runbookHash, type RunbookCatalog } from './runbookCatalog.js';
import { refusalResult, type ServiceResult } from './serviceResult.js';

export type { ServiceResult } from './serviceResult.js';

/** How far back a client may ask a check to be evaluated (a preview confirmed a few minutes later). */
const MAX_EVALUATION_AGE_S = 300;
/** A preview's time may run a little ahead of this server's clock (another server, rounding). */
const MAX_CLOCK_AHEAD_S = 5;

/**
 * Gets every batch of stored events, once durable, in seq order per incident (one incident per
 * batch), with the incident as the batch leaves it: the service's own fold, not to be changed.
 */
export type EventsListener = (events: readonly TimelineEvent[], incident: Incident) => void;

export interface IncidentServiceOptions {
  store: EventStore;
  /** The runbooks walks may follow: catalog entries (as checkCatalog gives them), a map by id, or a catalog. */
  runbooks: RunbookCatalog | readonly CatalogEntry<Runbook>[] | ReadonlyMap<string, Runbook>;
  /** The metric sources a runbook's checks read (createSources; in the demo, a fixture scenario per runbook). */
  sources: (runbook: Runbook) => ReadonlyMap<string, MetricSource>;
  /** Server time, epoch milliseconds: check evaluation time and the limit of a backdated note. */
  now: () => number;
  /** New incident ids (default: random UUIDs). */
  newId?: () => string;
  /** Monotonic milliseconds, to time appends and queries (default: performance.now). */
  clock?: () => number;
  /** Told after each durable append (for the append latency histogram). */
  onAppend?: (appended: { incidentId: string; events: number; seconds: number }) => void;
  /** Told of failures a caller cannot see in its result: a store that failed, a listener that threw. */
  onError?: (error: unknown, what: string) => void;
  /** How many folded incidents to keep in memory (default 10,000). */
  cacheIncidents?: number;
}

/**
 * The application layer HTTP routes and socket handlers share. Every method resolves with a
 * `{ status, body }` (errors as `{ error: { code, message, details? } }`); only a bug rejects.
 */
export interface IncidentService {
  readonly catalog: RunbookCatalog;
  /** Opens an incident (POST /api/incidents body); 201 with the incident. */
  open(actor: Actor, role: AccessRole, body: unknown, idempotencyKey?: string): Promise<ServiceResult>;
  /** Runs a timeline or walk command (`{ type: 'note', … }`, `{ type: 'run_check', node }`…); 201 with `{ events, incident }` (incidentState). */
  command(incidentId: string, actor: Actor, role: AccessRole, command: unknown, idempotencyKey?: string): Promise<ServiceResult>;
  /**
   * Runs the check the walk waits at as `run_check` would, recording nothing (POST …/walk/preview
   * body `{ node }`); 200 `{ events }`: the events run_check would append, as `{ type, data }`.
   */
  preview(incidentId: string, actor: Actor, role: AccessRole, body: unknown): Promise<ServiceResult>;
  get(incidentId: string, role: AccessRole): Promise<ServiceResult>;
  /** The timeline after `afterSeq` as `role` may read it: `{ incidentId, events }`. */
  events(incidentId: string, afterSeq: number, role: AccessRole): Promise<ServiceResult>;
  list(role: AccessRole): Promise<ServiceResult>;
  /** `{ runbooks: [summary + problems], rejected: [{ file, id?, problems }] }` (problems as ApiProblem). */
  runbooks(role: AccessRole): Promise<ServiceResult>;
  /** `{ runbook, file?, problems }`. */
  runbook(id: string, role: AccessRole): Promise<ServiceResult>;
  /**
   * The runbook the incident's walk follows: `{ runbook, hash, file?, latest: { hash } | null, newer }`,
   * the version it pinned (hash null for a walk recorded before pinning: it follows the loaded one),
   * and the version loaded now. 404 `no_walk` when the incident never walked a runbook.
   */
  walkRunbook(incidentId: string, role: AccessRole): Promise<ServiceResult>;
  /**
   * Feedback on a runbook from every incident, newest first: `{ feedback: [{ incidentId,
   * incidentTitle, seq, at, actor, node, kind, text?, redacted?, runbookHash? }] }`. Redacted text
   * is never shown, to anyone. 404 `runbook_not_found` for an id neither loaded nor given feedback.
   */
  runbookFeedback(runbookId: string, role: AccessRole): Promise<ServiceResult>;
  /** Listens to stored events (broadcast only after store); returns the unsubscribe. */
  subscribe(listener: EventsListener): () => void;
  /** Incidents not yet resolved or closed. */
  openIncidents(): Promise<number>;
  /** Refuses new work (503 `shutting_down`) and waits for the work under way. The caller closes the store. */
  close(): Promise<void>;
}

/** Idempotency scope of opening incidents (commands on an incident use its id). */
const OPEN_SCOPE = 'incidents';
const DEFAULT_CACHE = 10_000;
/** How many parsed pinned runbook versions to keep (each is parsed from its runbook.pinned text once). */
const PINNED_CACHE = 64;
/** Longer ids are none the store could hold: not found, without asking it. */
const MAX_ID_LENGTH = 200;

/**
 * What an idempotency record keeps as its response: the status and which events the request
 * appended. The body is rebuilt from those events, so a replay answers exactly what the first call
 * did (event ids and times are assigned by the store, after the record is written with them).
 */
interface Receipt {
  kind: 'open' | 'command';
  incidentId: string;
  firstSeq: number;
  lastSeq: number;
}

function isReceipt(value: unknown): value is Receipt {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<Receipt>;
  return (r.kind === 'open' || r.kind === 'command') && typeof r.incidentId === 'string' && Number.isSafeInteger(r.firstSeq) && Number.isSafeInteger(r.lastSeq);
}

/** A pinned runbook version as parsed from the timeline (or the loaded runbook, while it is that version). */
interface PinnedVersion {
  runbook: Runbook;
  file?: string;
}


/** A feedback entry for the owners' list: a redacted one without its text, for every reader (it is not the timeline). */
function feedbackItem(incident: Incident, item: IncidentFeedback): RunbookFeedbackItem {
  const { seq, at, actor, node, kind, text, redacted, runbookHash } = item;
  return {
    incidentId: incident.id,
    incidentTitle: incident.title,
    seq,
    at,
    actor,
    node,
    kind,
    ...(redacted || text === undefined ? { redacted: true as const } : { text }),
    ...(runbookHash === undefined ? {} : { runbookHash }),
  };
}

function notFound(incidentId: string): CommandError {
  return new CommandError('not_found', `there is no incident ${JSON.stringify(incidentId.slice(0, 80))}; list the incidents (GET /api/incidents) to find the right id`);
}

/** The permission a service command needs (running a check records it). */
function permissionOf(command: ServiceCommand): IncidentCommand['name'] {
  return command.name === 'runCheck' ? 'recordCheck' : command.name;
}

export function createIncidentService(options: IncidentServiceOptions): IncidentService {
  return new Service(options);
}

class Service implements IncidentService {
  readonly catalog: RunbookCatalog;
  readonly #store: EventStore;
  readonly #sources: (runbook: Runbook) => ReadonlyMap<string, MetricSource>;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #clock: () => number;
  readonly #onAppend: IncidentServiceOptions['onAppend'];
  readonly #onError: (error: unknown, what: string) => void;
  readonly #cacheLimit: number;
  /** Folded incidents, least recently used first. */
  readonly #states = new Map<string, Incident>();
  /** Pinned versions parsed from timelines, by hash, least recently used first. */
  readonly #pinned = new Map<string, PinnedVersion>();
  readonly #queue = new KeyedQueue();
  readonly #listeners = new Set<EventsListener>();
  readonly #inFlight = new Set<Promise<unknown>>();
  #closing = false;

  constructor(options: IncidentServiceOptions) {
    const { runbooks } = options;
    this.catalog = 'file' in runbooks && 'runbooks' in runbooks ? runbooks : runbookCatalog(runbooks);
    this.#store = options.store;
    this.#sources = options.sources;
    this.#now = options.now;
    this.#newId = options.newId ?? randomUUID;
    this.#clock = options.clock ?? (() => performance.now());
    this.#onAppend = options.onAppend;
    this.#onError = options.onError ?? (() => undefined);
    this.#cacheLimit = options.cacheIncidents ?? DEFAULT_CACHE;
  }

  open(actor: Actor, role: AccessRole, body: unknown, idempotencyKey?: string): Promise<ServiceResult> {
    return this.#guard(async () => {
      requireAuthorized(role, 'openIncident');
      const fields = validateApiBody('open-incident', body);
      const command: IncidentCommand = { name: 'openIncident', ...fields };
      const fingerprint = payloadFingerprint({ op: 'open', actor, command });
      const run = async (): Promise<ServiceResult> => {
        if (idempotencyKey !== undefined) {
          const replay = await this.#replay(OPEN_SCOPE, idempotencyKey, fingerprint, role);
          if (replay) return replay;
        }
        const incidentId = this.#newId();
        const drafts = executeCommand(undefined, command, this.#context(actor));
        const stored = await this.#appendOrReplay(incidentId, drafts, 0, { scope: OPEN_SCOPE, key: idempotencyKey, fingerprint, kind: 'open' }, role);
        if (!Array.isArray(stored)) return stored;
        const incident = this.#remember(reduceIncident(stored));
        this.#publish(stored, incident);
        return { status: 201, body: incident };
      };
      // One key opens one incident: a second request with it waits for the first, then replays it.
      return idempotencyKey === undefined ? run() : this.#queue.run(`open\u0000${idempotencyKey}`, run);
    });
  }

  command(incidentId: string, actor: Actor, role: AccessRole, body: unknown, idempotencyKey?: string): Promise<ServiceResult> {
    return this.#guard(async () => {
      const command = parseApiCommand(body);
      requireAuthorized(role, permissionOf(command));
      if (incidentId.length === 0 || incidentId.length > MAX_ID_LENGTH) throw notFound(incidentId);
      const fingerprint = payloadFingerprint({ op: 'command', incidentId, actor, command });
      const idempotency = { scope: incidentId, key: idempotencyKey, fingerprint, kind: 'command' as const };
      if (command.name !== 'runCheck') return this.#queue.run(incidentId, () => this.#decide(incidentId, command, actor, role, idempotency));

      // The query may take seconds: run it outside the incident's queue, then record it inside,
      // where the core checks the walk still waits at that check (or refuses with stale_node).
      if (idempotencyKey !== undefined) {
        const replay = await this.#replay(incidentId, idempotencyKey, fingerprint, role);
        if (replay) return replay;
      }
      const transition = await this.#runCheck(incidentId, command.node, actor, this.#evaluationTime(command.at));
      const record: IncidentCommand = { name: 'recordCheck', node: command.node, transition };
      return this.#queue.run(incidentId, () => this.#decide(incidentId, record, actor, role, idempotency));
    });
  }

  preview(incidentId: string, actor: Actor, role: AccessRole, body: unknown): Promise<ServiceResult> {
    return this.#guard(async () => {
      const { node, at: given } = validateApiBody('walk-preview', body);
      requireAuthorized(role, 'recordCheck');
      if (incidentId.length === 0 || incidentId.length > MAX_ID_LENGTH) throw notFound(incidentId);
      const at = this.#evaluationTime(given);
      const transition = await this.#runCheck(incidentId, node, actor, at);
      // The core's recordCheck decides on the walk as it stands now, exactly as run_check's would; nothing is appended.
      const incident = await this.#load(incidentId);
      const drafts = executeCommand(incident, { name: 'recordCheck', node, transition }, await this.#contextFor(actor, incident));
      return { status: 200, body: { at, events: drafts.map(({ type, data }) => ({ type, data })) } };
    });
  }

  get(incidentId: string, role: AccessRole): Promise<ServiceResult> {
    return this.#guard(async () => {
      requireAuthorized(role, 'read');
      const incident = await this.#load(incidentId);
      if (!incident) throw notFound(incidentId);
      return { status: 200, body: incident };
    });
  }

  events(incidentId: string, afterSeq: number, role: AccessRole): Promise<ServiceResult> {
    return this.#guard(async () => {
      requireAuthorized(role, 'read');
      if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) {
        throw new ApiError(400, 'invalid_request', `after must be a whole number from 0 (the last seq you hold, 0 for all), not ${String(afterSeq)}`);
      }
      const incident = await this.#load(incidentId);
      if (!incident) throw notFound(incidentId);
      // A star or redaction always comes after its target, so the events after `afterSeq` are enough to show them right.
      const events = afterSeq >= incident.lastSeq ? [] : await this.#store.read(incidentId, afterSeq);
      return { status: 200, body: { incidentId, events: timelineView(events, { role }) } };
    });
  }

  list(role: AccessRole): Promise<ServiceResult> {
    return this.#guard(async () => {
      requireAuthorized(role, 'read');
      const incidents = await this.#all();
      return { status: 200, body: { incidents: incidents.reverse().map(incidentSummary) } };
    });
  }

  runbooks(role: AccessRole): Promise<ServiceResult> {
    return this.#guard(() => {
      requireAuthorized(role, 'read');
      const { catalog } = this;
      const runbooks = [...catalog.runbooks.values()]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((r) => ({ ...runbookSummary(r, catalog.file(r.id)), problems: catalog.problems(r.id).map(apiProblem) }));
      const rejected = catalog.rejected.map((r) => ({ file: r.file, ...(r.id === undefined ? {} : { id: r.id }), problems: r.problems.map(apiProblem) }));
      return Promise.resolve({ status: 200, body: { runbooks, rejected } });
    });
  }

  runbook(id: string, role: AccessRole): Promise<ServiceResult> {
    return this.#guard(() => {
      requireAuthorized(role, 'read');
      const runbook = this.catalog.runbooks.get(id);
      if (!runbook) {
        throw new ApiError(404, 'runbook_not_found', `there is no runbook ${JSON.stringify(id.slice(0, 80))} on this server; list them with GET /api/runbooks`);
      }
      const file = this.catalog.file(id);
      const problems = this.catalog.problems(id).map(apiProblem);
      return Promise.resolve({ status: 200, body: file === undefined ? { runbook, problems } : { runbook, file, problems } });
    });
  }

  walkRunbook(incidentId: string, role: AccessRole): Promise<ServiceResult> {
    return this.#guard(async () => {
      requireAuthorized(role, 'read');
      const incident = await this.#load(incidentId);
      if (!incident) throw notFound(incidentId);
      const walk = incident.walk;
      if (!walk) {
        throw new ApiError(404, 'no_walk', `incident ${incident.id} has never walked a runbook, so it follows none; start a walk (POST /api/incidents/${incident.id}/walk {"type": "start", "runbook": …})`);
      }
      const loaded = this.catalog.version(walk.runbookId);
      const latest = loaded ? { hash: loaded.hash } : null;
      const hash = walk.runbookHash ?? null;
      // A walk recorded before pinning follows whatever is loaded under its id (walkRunbook refuses when nothing is).
      const pinned = hash === null ? undefined : await this.#pinnedVersion(incident);
      const runbook = pinned?.runbook ?? walkRunbook(incident, walk, this.#context({ kind: 'system' }));
      const file = hash === null ? this.catalog.file(walk.runbookId) : pinned?.file;
      const newer = hash !== null && latest !== null && latest.hash !== hash;
      return { status: 200, body: { runbook, hash, ...(file === undefined ? {} : { file }), latest, newer } };
    });
  }

  runbookFeedback(runbookId: string, role: AccessRole): Promise<ServiceResult> {
    return this.#guard(async () => {
      requireAuthorized(role, 'read');
      const feedback: RunbookFeedbackItem[] = [];
      // The folds hold every incident's feedback: no store of its own, and a removed runbook's feedback stays readable.
      for (const incident of await this.#all()) {
        for (const item of incident.feedback) {
          if (item.runbookId === runbookId) feedback.push(feedbackItem(incident, item));
        }
      }
      if (feedback.length === 0 && !this.catalog.runbooks.has(runbookId)) {
        throw new ApiError(404, 'runbook_not_found', `there is no runbook ${JSON.stringify(runbookId.slice(0, 80))} on this server, and no incident gave feedback on one; list them with GET /api/runbooks`);
      }
      feedback.sort((a, b) => (a.at === b.at ? b.seq - a.seq || a.incidentId.localeCompare(b.incidentId) : a.at < b.at ? 1 : -1));
      return { status: 200, body: { feedback } };
    });
  }

  subscribe(listener: EventsListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async openIncidents(): Promise<number> {
    const incidents = await this.#all();
    return incidents.filter((i) => i.status !== 'resolved' && i.status !== 'closed').length;
  }

  async close(): Promise<void> {
    this.#closing = true;
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Runs one request: refusals become results, store trouble a 503, damage a 500; work under way is tracked for close(). */
  #guard(work: () => Promise<ServiceResult>): Promise<ServiceResult> {
    if (this.#closing) return Promise.resolve(shuttingDown());
    const task = (async (): Promise<ServiceResult> => {
      try {
        return await work();
      } catch (error) {
        const refusal = refusalResult(error);
        if (refusal) return refusal;
        if (error instanceof StoreClosedError) return shuttingDown();
        if (error instanceof StoreFailedError) {
          this.#onError(error, 'the event store failed');
          return { status: 503, body: { error: { code: 'store_failed', message: 'the server cannot write to its data store; nothing was recorded. An operator must fix the disk and restart the server' } } };
        }
        if (error instanceof DamagedTimelineError) {
          this.#onError(error, 'a damaged timeline');
          return { status: 500, body: { error: { code: error.code, message: `incident ${error.incidentId} cannot be read: its stored events are damaged; an operator must restore its data file` } } };
        }
        throw error;
      }
    })();
    this.#inFlight.add(task);
    void task.finally(() => this.#inFlight.delete(task)).catch(() => undefined);
    return task;
  }

  #context(actor: Actor): CommandContext {
    const { catalog } = this;
    return { actor, runbooks: catalog.runbooks, runbookVersion: (id) => catalog.version(id), now: new Date(this.#now()).toISOString() };
  }

  /** The context of a command on `incident`: with the runbook version its walk pinned, parsed from the timeline. */
  async #contextFor(actor: Actor, incident: Incident | undefined): Promise<CommandContext> {
    const ctx = this.#context(actor);
    const hash = incident?.walk?.runbookHash;
    if (incident === undefined || hash === undefined) return ctx;
    const pinned = await this.#pinnedVersion(incident);
    return pinned ? { ...ctx, pinnedRunbooks: new Map([[hash, pinned.runbook]]) } : ctx;
  }

  /**
   * The runbook version the incident's walk pinned: the loaded runbook while it is that version,
   * else parsed from the text of its runbook.pinned event, once per hash (a bounded cache).
   * Undefined when the timeline does not hold a usable text (the core then refuses the walk's commands).
   */
  async #pinnedVersion(incident: Incident): Promise<PinnedVersion | undefined> {
    const walk = incident.walk;
    const hash = walk?.runbookHash;
    if (!walk || hash === undefined) return undefined;
    const loaded = this.catalog.version(walk.runbookId);
    const current = this.catalog.runbooks.get(walk.runbookId);
    if (loaded?.hash === hash && current) return { runbook: current, ...(loaded.file === undefined ? {} : { file: loaded.file }) };
    const cached = this.#pinned.get(hash);
    if (cached) {
      this.#pinned.delete(hash);
      this.#pinned.set(hash, cached);
      return cached;
    }
    const pin = incident.pins[hash];
    if (!pin) return undefined;
    const stored = (await this.#store.read(incident.id, pin.seq - 1)).find((e) => e.seq === pin.seq);
    const typed = stored && typedEvent(stored);
    if (typed?.type !== 'runbook.pinned' || typed.data.hash !== hash || runbookHash(typed.data.text) !== hash) {
      this.#onError(new Error(`incident ${incident.id}: seq ${pin.seq} does not hold the text of runbook version ${hash}`), 'a pinned runbook version that cannot be read');
      return undefined;
    }
    const { text, file } = typed.data;
    const parsed = loadRunbook(text, file ?? `${walk.runbookId}@${hash.slice(0, 12)}`);
    if (!parsed.value || parsed.value.id !== walk.runbookId) {
      this.#onError(new Error(`incident ${incident.id}: the pinned text of runbook '${walk.runbookId}' (seq ${pin.seq}) no longer loads: ${parsed.problems[0]?.message ?? 'its id differs'}`), 'a pinned runbook version that cannot be read');
      return undefined;
    }
    const version: PinnedVersion = { runbook: parsed.value, ...(file === undefined ? {} : { file }) };
    this.#pinned.set(hash, version);
    if (this.#pinned.size > PINNED_CACHE) {
      const oldest = this.#pinned.keys().next();
      if (!oldest.done) this.#pinned.delete(oldest.value);
    }
    return version;
  }

  /** Inside the incident's queue: replay a known key, or load, decide and append (re-deciding once if the incident moved). */
  async #decide(incidentId: string, command: IncidentCommand, actor: Actor, role: AccessRole, idempotency: IdempotencyRequest): Promise<ServiceResult> {
    if (idempotency.key !== undefined) {
      const replay = await this.#replay(incidentId, idempotency.key, idempotency.fingerprint, role);
      if (replay) return replay;
    }
    for (let attempt = 0; ; attempt++) {
      const incident = await this.#load(incidentId);
      if (!incident) throw notFound(incidentId);
      const drafts = executeCommand(incident, command, await this.#contextFor(actor, incident));
      try {
        const stored = await this.#appendOrReplay(incidentId, drafts, incident.lastSeq, idempotency, role);
        if (!Array.isArray(stored)) return stored;
        const next = this.#remember(reduceIncident(stored, incident));
        this.#publish(stored, next);
        return { status: 201, body: { events: timelineView(stored, { role }), incident: incidentState(next) } };
      } catch (error) {
        // Another writer (not through this service) appended meanwhile: decide again on what is there now.
        if (!(error instanceof StaleAppendError)) throw error;
        if (attempt > 0) {
          throw new ApiError(409, 'conflict', `incident ${incidentId} keeps changing under this command (it is at seq ${error.actualLastSeq}); reload it and try again`, { lastSeq: error.actualLastSeq });
        }
      }
    }
  }

  /** Appends with the idempotency record; if another request holds the key, answers what that one answered. */
  async #appendOrReplay(incidentId: string, drafts: IncidentDraft[], lastSeq: number, idempotency: IdempotencyRequest, role: AccessRole): Promise<TimelineEvent[] | ServiceResult> {
    const { key, scope, fingerprint, kind } = idempotency;
    const receipt: Receipt = { kind, incidentId, firstSeq: lastSeq + 1, lastSeq: lastSeq + drafts.length };
    const record: IdempotencyRecord | undefined = key === undefined ? undefined : { scope, key, fingerprint, response: { status: 201, body: receipt } };
    const started = this.#clock();
    try {
      const stored = await this.#store.append({ incidentId, drafts, expectedLastSeq: lastSeq, ...(record ? { idempotency: record } : {}) });
      this.#onAppend?.({ incidentId, events: stored.length, seconds: Math.max(0, this.#clock() - started) / 1000 });
      return stored;
    } catch (error) {
      if (!(error instanceof IdempotencyKeyTakenError) || key === undefined) throw error;
      const replay = await this.#replay(scope, key, fingerprint, role);
      if (replay) return replay;
      throw new ApiError(409, 'conflict', 'another request with this Idempotency-Key was under way and failed; send the request again');
    }
  }

  /** The stored answer for a key: the same response for the same payload, 422 for another payload. */
  async #replay(scope: string, key: string, fingerprint: string, role: AccessRole): Promise<ServiceResult | undefined> {
    const record = await this.#store.idempotency(scope, key);
    if (!record) return undefined;
    if (record.fingerprint !== fingerprint) {
      throw new ApiError(
        422,
        'idempotency_key_reused',
        `the Idempotency-Key ${JSON.stringify(key.slice(0, 80))} was already used for a different request (another payload, target or sender); send a new key with each new request, and the same key only to retry the same one`,
      );
    }
    const receipt = record.response.body;
    if (!isReceipt(receipt)) throw new Error(`idempotency record ${JSON.stringify([scope, key])} holds no receipt`);
    const events = (await this.#store.read(receipt.incidentId, 0)).filter((e) => e.seq <= receipt.lastSeq);
    const incident = reduceIncident(events);
    if (receipt.kind === 'open') return { status: record.response.status, body: incident };
    const batch = events.filter((e) => e.seq >= receipt.firstSeq);
    return { status: record.response.status, body: { events: timelineView(batch, { role }), incident: incidentState(incident) } };
  }

  /** Runs the check the walk waits at (outside the queue); the transition the core's recordCheck takes. */
  /**
   * When a check is evaluated, in unix seconds: now, or a time the client names (a preview's), so a
   * confirmed check sees exactly what the responder was shown. Only the recent past: a check is a
   * reading taken during the incident, not a query into history.
   */
  #evaluationTime(given: number | undefined): number {
    const now = Math.round(this.#now()) / 1000;
    if (given === undefined) return now;
    if (!Number.isFinite(given) || given > now + MAX_CLOCK_AHEAD_S || given < now - MAX_EVALUATION_AGE_S) {
      throw new ApiError(400, 'invalid_request', `at must be unix seconds within the last ${MAX_EVALUATION_AGE_S / 60} minutes (a preview's at), not ${String(given)}; leave it out to evaluate now`);
    }
    return Math.min(given, now);
  }

  async #runCheck(incidentId: string, node: string, actor: Actor, at: number): Promise<Extract<IncidentCommand, { name: 'recordCheck' }>['transition']> {
    const incident = await this.#load(incidentId);
    if (!incident) throw notFound(incidentId);
    const found = requireOpenIncident(incident, 'running a check');
    const { walk, runbook } = requireWalkAt(found, node, await this.#contextFor(actor, found));
    try {
      const result = await stepCheck({
        runbook,
        state: walk.state,
        sources: this.#sources(runbook),
        at,
        clock: this.#clock,
        ...(walk.labels ? { labels: walk.labels } : {}),
      });
      return { state: result.state, events: result.events };
    } catch (error) {
      if (error instanceof WalkError) throw new CommandError(error.code, error.message, { lastSeq: incident.lastSeq, walk, current: walk.state.current });
      throw error;
    }
  }

  /** The incident folded up to its last durable event, or undefined when it has none. */
  async #load(incidentId: string): Promise<Incident | undefined> {
    if (incidentId.length === 0 || incidentId.length > MAX_ID_LENGTH) return undefined;
    const cached = this.#states.get(incidentId);
    const events = await this.#store.read(incidentId, cached?.lastSeq ?? 0);
    if (events.length === 0) return cached;
    return this.#remember(reduceIncident(events, cached));
  }

  /** Every incident; a damaged one is reported and left out, so it cannot hide the others. */
  async #all(): Promise<Incident[]> {
    const incidents: Incident[] = [];
    for (const id of await this.#store.incidentIds()) {
      try {
        const incident = await this.#load(id);
        if (incident) incidents.push(incident);
      } catch (error) {
        if (!(error instanceof DamagedTimelineError)) throw error;
        this.#onError(error, 'a damaged timeline left out of the list');
      }
    }
    return incidents;
  }

  /** Keeps the newest fold of an incident (a slower concurrent load never replaces a newer one); returns the newest. */
  #remember(incident: Incident): Incident {
    const known = this.#states.get(incident.id);
    const newest = known && known.lastSeq >= incident.lastSeq ? known : incident;
    this.#states.delete(incident.id);
    this.#states.set(incident.id, newest);
    if (this.#states.size > this.#cacheLimit) {
      const oldest = this.#states.keys().next();
      if (!oldest.done) this.#states.delete(oldest.value);
    }
    return newest;
  }

  #publish(events: readonly TimelineEvent[], incident: Incident): void {
    for (const listener of this.#listeners) {
      try {
        listener(events, incident);
      } catch (error) {
        this.#onError(error, 'an events listener threw');
      }
    }
  }
}

interface IdempotencyRequest {
  scope: string;
  key: string | undefined;
  fingerprint: string;
  kind: Receipt['kind'];
}

function shuttingDown(): ServiceResult {
  return { status: 503, body: { error: { code: 'shutting_down', message: 'the server is shutting down; try again in a moment' } } };
}
