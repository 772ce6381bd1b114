import type { TimelineEvent } from '../../incidents/timelineEvent.js';
import { timelineTail } from '../timelineTail.js';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { IncidentSummary } from '../incidentSummary.js';
import type { LiveFeed, FeedMember, LiveBatch } from './liveFeed.js';
import type { Lobby, LobbyMember, SummaryUpdate } from './lobby.js';
import type { Presence, PresentUser } from './presence.js';
import type { RealtimeService, RealtimeUser } from './realtimeService.js';
import { onMessage, type Reply } from './socketHandler.js';
import { socketError } from './socketError.js';
import { parseCommand, parseEmpty, parseJoin, parseLeave } from './socketMessages.js';

/** Event names the server emits. */
export const SERVER_EVENTS = { events: 'events', presence: 'presence', incident: 'incident' } as const;

/** Event names the server answers. */
export const CLIENT_EVENTS = ['join', 'leave', 'command', 'watch', 'unwatch'] as const;

export interface PresenceUpdate {
  incidentId: string;
  users: PresentUser[];
}

export interface SessionContext {
  service: RealtimeService;
  feed: LiveFeed;
  /** The incidents list, live (watch/unwatch). */
  lobby: Lobby;
  presence: Presence;
  logger: Pick<Logger, 'error' | 'debug'>;
  /** Sends the room's presence to everyone in it. */
  announcePresence(incidentId: string): void;
  maxIncidents: number;
}

/** One authenticated socket: its joins (catch-up, then live), leaves, commands, and its presence. */
export class SocketSession {
  readonly #user: RealtimeUser;
  readonly #ctx: SessionContext;
  readonly #member: FeedMember;
  readonly #watcher: LobbyMember;
  /** A watch whose list read is running. */
  #watching = false;
  /** Incidents whose room this socket joined (counted in presence). */
  readonly #present = new Set<string>();
  /** Incidents whose catch-up read is running. */
  readonly #joining = new Set<string>();

  constructor(socket: Socket, user: RealtimeUser, ctx: SessionContext) {
    this.#user = user;
    this.#ctx = ctx;
    this.#member = { id: socket.id, role: user.role, send: (batch: LiveBatch) => socket.emit(SERVER_EVENTS.events, batch) };
    this.#watcher = { id: socket.id, send: (update: SummaryUpdate) => socket.emit(SERVER_EVENTS.incident, update) };
    onMessage(socket, 'join', (payload, reply) => this.#join(payload, reply), ctx.logger);
    onMessage(socket, 'leave', (payload, reply) => { this.#leave(payload, reply); }, ctx.logger);
    onMessage(socket, 'command', (payload, reply) => this.#command(payload, reply), ctx.logger);
    onMessage(socket, 'watch', (payload, reply) => this.#watch(payload, reply), ctx.logger);
    onMessage(socket, 'unwatch', (payload, reply) => { this.#unwatch(payload, reply); }, ctx.logger);
    socket.on('disconnect', () => { this.#disconnected(); });
  }

  async #join(payload: unknown, reply: Reply): Promise<void> {
    const parsed = parseJoin(payload);
    if (!parsed.ok) {
      reply(parsed.error);
      return;
    }
    const { incidentId, afterSeq, tail } = parsed.value;
    if (this.#joining.has(incidentId)) {
      reply(socketError('join_in_progress', `a join of incident ${incidentId} is still catching up; wait for its answer before joining again`));
      return;
    }
    if (!this.#present.has(incidentId) && this.#present.size + this.#joining.size >= this.#ctx.maxIncidents) {
      reply(socketError('too_many_incidents', `one connection may follow ${this.#ctx.maxIncidents} incidents at a time; leave one first`));
      return;
    }
    // Register for live events before reading, so nothing published during the read is lost.
    const catchUp = this.#ctx.feed.beginCatchUp(this.#member, incidentId);
    this.#joining.add(incidentId);
    let result;
    try {
      result = await this.#ctx.service.events(incidentId, afterSeq, this.#user.role);
    } catch (error) {
      catchUp.cancel();
      this.#drop(incidentId);
      throw error;
    } finally {
      this.#joining.delete(incidentId);
    }
    if (!catchUp.active) {
      reply(socketError('join_cancelled', `incident ${incidentId} was left before its catch-up finished; join again to follow it`));
      return;
    }
    const events = result.status === 200 ? timelineEntries(result.body) : undefined;
    if (!events) {
      catchUp.cancel();
      this.#drop(incidentId);
      reply(result.status === 200 ? socketError('internal_error', 'the server read the timeline in an unexpected shape; report this') : result);
      return;
    }
    const lastSeq = Math.max(afterSeq, events[events.length - 1]?.seq ?? 0);
    const isNew = !this.#present.has(incidentId);
    if (isNew) {
      this.#present.add(incidentId);
      this.#ctx.presence.add(incidentId, this.#user.name);
    }
    const presence = this.#ctx.presence.users(incidentId);
    // A first join may take the newest entries and the state they lead to (folded from the same read).
    const cut = timelineTail(events as TimelineEvent[], afterSeq === 0 ? tail : undefined);
    reply({ status: 200, body: { incidentId, ...cut, lastSeq, presence } });
    // Right after the ack, in the same tick: the live events that came during the read, then the room.
    catchUp.finish(lastSeq);
    if (isNew) this.#ctx.announcePresence(incidentId);
  }

  #leave(payload: unknown, reply: Reply): void {
    const parsed = parseLeave(payload);
    if (!parsed.ok) {
      reply(parsed.error);
      return;
    }
    const { incidentId } = parsed.value;
    const was = this.#ctx.feed.has(this.#member, incidentId) || this.#present.has(incidentId);
    this.#ctx.feed.leave(this.#member, incidentId);
    this.#drop(incidentId);
    reply({ status: 200, body: { incidentId, left: was } });
  }

  async #command(payload: unknown, reply: Reply): Promise<void> {
    const parsed = parseCommand(payload);
    if (!parsed.ok) {
      reply(parsed.error);
      return;
    }
    const { incidentId, command, idempotencyKey } = parsed.value;
    const actor = { kind: 'user', name: this.#user.name } as const;
    reply(await this.#ctx.service.command(incidentId, actor, this.#user.role, command, idempotencyKey));
  }

  async #watch(payload: unknown, reply: Reply): Promise<void> {
    const parsed = parseEmpty(payload, 'watch');
    if (!parsed.ok) {
      reply(parsed.error);
      return;
    }
    if (this.#watching) {
      reply(socketError('watch_in_progress', 'a watch is still reading the incidents list; wait for its answer before watching again'));
      return;
    }
    // Register for summaries before reading, so nothing stored during the read is lost.
    const catchUp = this.#ctx.lobby.beginWatch(this.#watcher);
    this.#watching = true;
    let result;
    try {
      result = await this.#ctx.service.list(this.#user.role);
    } catch (error) {
      catchUp.cancel();
      throw error;
    } finally {
      this.#watching = false;
    }
    if (!catchUp.active) {
      reply(socketError('watch_cancelled', 'unwatch came before the incidents list was read; watch again to follow it'));
      return;
    }
    const incidents = result.status === 200 ? summaries(result.body) : undefined;
    if (!incidents) {
      catchUp.cancel();
      reply(result.status === 200 ? socketError('internal_error', 'the server read the incidents list in an unexpected shape; report this') : result);
      return;
    }
    reply({ status: 200, body: { incidents, presence: this.#ctx.presence.all() } });
    // Right after the ack, in the same tick: the summaries stored during the read, then the room.
    catchUp.finish(incidents);
  }

  #unwatch(payload: unknown, reply: Reply): void {
    const parsed = parseEmpty(payload, 'unwatch');
    if (!parsed.ok) {
      reply(parsed.error);
      return;
    }
    const was = this.#ctx.lobby.has(this.#watcher);
    this.#ctx.lobby.leave(this.#watcher);
    reply({ status: 200, body: { left: was } });
  }

  #disconnected(): void {
    this.#ctx.lobby.leave(this.#watcher);
    for (const incidentId of new Set([...this.#present, ...this.#joining])) {
      this.#ctx.feed.leave(this.#member, incidentId);
      this.#drop(incidentId);
    }
  }

  /** Takes the socket out of the room's presence, telling the others. */
  #drop(incidentId: string): void {
    if (!this.#present.delete(incidentId)) return;
    this.#ctx.presence.remove(incidentId, this.#user.name);
    this.#ctx.announcePresence(incidentId);
  }
}

/** The timeline entries of a service answer: an array of them, or an object holding one under `events`. */
function timelineEntries(body: unknown): { seq: number }[] | undefined {
  const list: unknown = Array.isArray(body) ? body : typeof body === 'object' && body !== null && 'events' in body ? body.events : undefined;
  if (!Array.isArray(list)) return undefined;
  const entries: { seq: number }[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null || !('seq' in item) || typeof item.seq !== 'number') return undefined;
    entries.push(item as { seq: number });
  }
  return entries;
}

/** The summaries of a list answer (`{ incidents }`), each with the id and lastSeq the lobby orders by. */
function summaries(body: unknown): IncidentSummary[] | undefined {
  const list: unknown = typeof body === 'object' && body !== null && 'incidents' in body ? body.incidents : undefined;
  if (!Array.isArray(list)) return undefined;
  const valid = (list as unknown[]).every((item) => typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' && 'lastSeq' in item && typeof item.lastSeq === 'number');
  // Checked for what the lobby reads; the rest is the service's own summary, passed on as it is.
  return valid ? (list as IncidentSummary[]) : undefined;
}
