import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server, type Socket } from 'socket.io';
import { incidentSummary } from '../incidentSummary.js';
import { LiveFeed, type FeedRooms, type ViewKind } from './liveFeed.js';
import { Lobby, type LobbyRoom } from './lobby.js';
import { Presence } from './presence.js';
import type { RealtimeService, RealtimeUser } from './realtimeService.js';
import { SERVER_EVENTS, SocketSession, type PresenceUpdate } from './socketSession.js';
import { CLIENT_EVENTS } from './socketSession.js';
import { REJECTED_EVENT } from './socketHandler.js';
import { socketError } from './socketError.js';

/** What a client presents when it connects: `auth: { token }` in the handshake, a bearer header, or its cookies. */
export interface SocketCredentials {
  token?: string;
  /** The handshake's Authorization header (`Bearer <token>`), for clients that can set headers. */
  authorization?: string;
  /** The handshake's Cookie header (a browser's session cookie); absent when the request came from another origin. */
  cookieHeader?: string;
  /** The client's address, for rate limits on failures. */
  address: string;
}

/** A refusal with a reason the client gets as the connect_error's `data` (e.g. `rate_limited`). */
export interface SocketAuthRefusal {
  error: { code: string; message: string; details?: unknown };
}

export type SocketAuthResult = RealtimeUser | SocketAuthRefusal | undefined;

export interface RealtimeOptions {
  service: RealtimeService;
  /** The user these credentials belong to; otherwise the connection is refused with connect_error `unauthorized`. */
  authenticate(credentials: SocketCredentials): SocketAuthResult | Promise<SocketAuthResult>;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  metrics?: { connectedSockets?: { inc(): void; dec(): void } };
  /** The largest message a client may send, in bytes (default 64 KiB); a larger one closes its connection. */
  maxHttpBufferSize?: number;
  /** How many incidents one connection may follow at once (default 50). */
  maxIncidentsPerSocket?: number;
  /** Tells the gateway when a browser session ends (sign-out), so the connections it opened close. */
  onSessionEnd?: (listener: (session: string) => void) => () => void;
  /** Whether a connection's credentials still stand (see socketCredentialsLive); others close at the next sweep. */
  stillValid?: (user: RealtimeUser) => boolean | Promise<boolean>;
  /** How often connections are checked with `stillValid` (default 60 s). */
  credentialSweepMs?: number;
}

export interface Realtime {
  io: Server;
  /** Stops publishing and disconnects every socket; the HTTP server stays its owner's to close. */
  close(): void;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

/** The message of the connect_error a refused client sees. */
export const UNAUTHORIZED = 'unauthorized';

/** The room of the sockets watching the incidents list (a socket id never holds a colon). */
const LOBBY_ROOM = 'lobby:incidents';

function roomName(incidentId: string, view: ViewKind): string {
  // Prefixed so a room never shares its name with a socket id (socket.io's per-socket rooms).
  return `incident:${view}:${incidentId}`;
}

/**
 * The socket.io gateway: authenticated connections join incidents with the last seq they hold,
 * get every later event from the store, then the live events the service publishes once they are
 * durable; presence per room; commands with acks carrying the service's answer.
 * Socket.io's connection-state recovery is off: catch-up always comes from the store.
 */
export function attachRealtime(httpServer: HttpServer, options: RealtimeOptions): Realtime {
  const { service, logger } = options;
  const io = new Server(httpServer, {
    maxHttpBufferSize: options.maxHttpBufferSize ?? DEFAULT_MAX_MESSAGE_BYTES,
    serveClient: false,
  });

  const rooms: FeedRooms = {
    // The in-memory adapter joins and leaves at once (its promise is for other adapters).
    join: (member, incidentId, view) => {
      void io.sockets.sockets.get(member.id)?.join(roomName(incidentId, view));
    },
    leave: (member, incidentId, view) => {
      void io.sockets.sockets.get(member.id)?.leave(roomName(incidentId, view));
    },
    broadcast: (incidentId, view, batch, except) => {
      const room = io.to(roomName(incidentId, view));
      (except.length > 0 ? room.except(except as string[]) : room).emit(SERVER_EVENTS.events, batch);
    },
  };
  const feed = new LiveFeed(rooms);
  const lobbyRoom: LobbyRoom = {
    join: (member) => {
      void io.sockets.sockets.get(member.id)?.join(LOBBY_ROOM);
    },
    leave: (member) => {
      void io.sockets.sockets.get(member.id)?.leave(LOBBY_ROOM);
    },
    broadcast: (update) => {
      io.to(LOBBY_ROOM).emit(SERVER_EVENTS.incident, update);
    },
  };
  const lobby = new Lobby(lobbyRoom);
  const presence = new Presence();
  const announcePresence = (incidentId: string): void => {
    const update: PresenceUpdate = { incidentId, users: presence.users(incidentId) };
    // One emit to the union of the rooms: a socket in the incident's room and the lobby gets it once.
    io.to([roomName(incidentId, 'full'), roomName(incidentId, 'redacted'), LOBBY_ROOM]).emit(SERVER_EVENTS.presence, update);
  };
  const unsubscribe = service.subscribe((events, incident) => {
    try {
      feed.publish(events);
    } catch (error) {
      logger.error({ err: error }, 'publishing stored events to sockets failed');
    }
    try {
      // One summary per batch, whoever watches; none when nobody does.
      if (lobby.watched) lobby.publish(incidentSummary(incident));
    } catch (error) {
      logger.error({ err: error }, 'publishing an incident summary to the lobby failed');
    }
  });

  io.use((socket, next) => {
    const refuse = (data: SocketAuthRefusal['error']): void => {
      logger.warn({ address: socket.handshake.address, code: data.code }, 'socket refused');
      next(Object.assign(new Error(UNAUTHORIZED), { data }));
    };
    authenticateSocket(socket, options).then(
      (result) => {
        if (result === undefined) {
          refuse({ code: 'unauthenticated', message: 'connect with auth: { token } (runpath user add prints a token), or sign in first for a session cookie' });
        } else if ('error' in result) {
          refuse(result.error);
        } else {
          (socket.data as { user?: RealtimeUser }).user = result;
          next();
        }
      },
      (error: unknown) => {
        logger.error({ err: error }, 'socket authentication failed');
        refuse({ code: 'internal_error', message: 'the server failed to check your credentials; try again' });
      },
    );
  });

  const ctx = { service, feed, lobby, presence, logger, announcePresence, maxIncidents: options.maxIncidentsPerSocket ?? 50 };
  io.on('connection', (socket) => {
    const user = (socket.data as { user?: RealtimeUser }).user;
    if (!user) {
      socket.disconnect(true);
      return;
    }
    options.metrics?.connectedSockets?.inc();
    socket.on('disconnect', () => options.metrics?.connectedSockets?.dec());
    new SocketSession(socket, user, ctx);
    socket.onAny((event: string, ...args: unknown[]) => {
      if ((CLIENT_EVENTS as readonly string[]).includes(event)) return;
      const error = socketError('unknown_event', `the server does not know "${event.slice(0, 40)}"; send one of ${CLIENT_EVENTS.join(', ')}`);
      const ack = args[args.length - 1];
      if (typeof ack === 'function') (ack as (result: unknown) => void)(error);
      else socket.emit(REJECTED_EVENT, { event, ...error });
    });
    logger.debug({ socketId: socket.id, user: user.name }, 'socket connected');
  });

  // A signed-out session writes nothing more: its sockets close at once (a reconnect is then refused).
  const stopSessionWatch = options.onSessionEnd?.((ended) => {
    for (const socket of io.sockets.sockets.values()) {
      if ((socket.data as { user?: RealtimeUser }).user?.session === ended) socket.disconnect(true);
    }
  });
  // Expired sessions, replaced tokens and changed roles: their sockets close at the next sweep.
  const stillValid = options.stillValid;
  const sweep = stillValid && setInterval(() => {
    for (const socket of io.sockets.sockets.values()) {
      const user = (socket.data as { user?: RealtimeUser }).user;
      if (!user) continue;
      Promise.resolve(stillValid(user)).then(
        (valid) => {
          if (!valid) socket.disconnect(true);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'checking a connection\'s credentials failed; it stays open until the next sweep');
        },
      );
    }
  }, options.credentialSweepMs ?? 60_000);
  sweep?.unref();

  return {
    io,
    close: () => {
      stopSessionWatch?.();
      if (sweep) clearInterval(sweep);
      unsubscribe();
      io.disconnectSockets(true);
      io.engine.close();
    },
  };
}

async function authenticateSocket(socket: Socket, options: RealtimeOptions): Promise<SocketAuthResult> {
  const { auth, headers, address } = socket.handshake;
  const credentials: SocketCredentials = { address };
  const token: unknown = typeof auth === 'object' && 'token' in auth ? auth.token : undefined;
  if (typeof token === 'string') credentials.token = token;
  else if (token !== undefined) return undefined;
  if (typeof headers.authorization === 'string') credentials.authorization = headers.authorization;
  // A page on another site must not ride on the browser's session cookie (cross-site WebSocket hijacking).
  if (headers.cookie !== undefined && sameOrigin(headers.origin, headers.host)) credentials.cookieHeader = headers.cookie;
  if (credentials.token === undefined && credentials.authorization === undefined && credentials.cookieHeader === undefined) return undefined;
  return options.authenticate(credentials);
}

/** Whether the Origin header (absent for non-browser clients) names the host the request came to. */
function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
