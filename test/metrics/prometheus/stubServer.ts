// Stand-ins for Prometheus on real sockets (127.0.0.1, free ports): an HTTP server whose answers
// each test scripts, a port that accepts connections and never answers, and a closed port.
import { createServer as createHttpServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';

export interface StubRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

export interface StubReply {
  status?: number;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is (wins over json). */
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Send headers, then never the body. */
  stallBody?: boolean;
}

export interface Stub {
  url: string;
  requests: StubRequest[];
  /** The most requests being handled at once. */
  maxInFlight: number;
  close: () => Promise<void>;
}

type Handler = (request: StubRequest) => StubReply | Promise<StubReply>;

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no port'));
      else resolve(address.port);
    });
  });
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => {
    resolve();
  }));
}

function track(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

async function answer(response: ServerResponse, reply: StubReply): Promise<void> {
  if (reply.delayMs !== undefined) await new Promise((r) => setTimeout(r, reply.delayMs));
  const body = reply.body ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  const headers: Record<string, string> = { 'content-type': reply.json !== undefined && reply.body === undefined ? 'application/json' : 'text/plain', ...reply.headers };
  response.writeHead(reply.status ?? 200, headers);
  if (reply.stallBody) {
    response.flushHeaders();
    return;
  }
  response.end(body);
}

/** An HTTP server that records each request (form body parsed) and answers with `handler`'s reply. */
export async function startStub(handler: Handler): Promise<Stub> {
  let inFlight = 0;
  const stub: Stub = { url: '', requests: [], maxInFlight: 0, close: () => Promise.resolve() };
  const server = createHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      inFlight++;
      stub.maxInFlight = Math.max(stub.maxInFlight, inFlight);
      const recorded: StubRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
      };
      stub.requests.push(recorded);
      const done = (): void => {
        inFlight--;
      };
      Promise.resolve(handler(recorded))
        .then((reply) => answer(response, reply))
        .then(done, (error: unknown) => {
          done();
          response.destroy(error instanceof Error ? error : undefined);
        });
    });
  });
  const sockets = track(server);
  const port = await listen(server);
  stub.url = `http://127.0.0.1:${port}`;
  stub.close = () => closeServer(server, sockets);
  return stub;
}

/** A TCP port that accepts connections and never says a word. */
export async function startSilentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createTcpServer(() => undefined);
  const sockets = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server, sockets) };
}

/** A TCP port that accepts connections and closes them at once, as a crashing proxy would. */
export async function startSlammingServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createTcpServer((socket) => {
    socket.on('data', () => socket.destroy());
  });
  const sockets = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server, sockets) };
}

/** A port nobody listens on (bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = createTcpServer();
  const port = await listen(server);
  await closeServer(server, new Set());
  return `http://127.0.0.1:${port}`;
}

/** A Prometheus success body with a vector result. */
export function vector(series: { labels?: Record<string, string>; value: string }[], at = 1_700_000_000): unknown {
  return {
    status: 'success',
    data: { resultType: 'vector', result: series.map((s) => ({ metric: s.labels ?? {}, value: [at, s.value] })) },
  };
}

/** A Prometheus success body with a matrix result. */
export function matrix(series: { labels?: Record<string, string>; values: [number, string][] }[]): unknown {
  return { status: 'success', data: { resultType: 'matrix', result: series.map((s) => ({ metric: s.labels ?? {}, values: s.values })) } };
}

/** A Prometheus error body. */
export function promError(errorType: string, error: string): unknown {
  return { status: 'error', errorType, error };
}

/**
 * Holds each caller until `size` are waiting, then lets that group go together (a group still
 * short after `maxWaitMs` goes anyway). Shows a concurrency cap reached without trusting timing.
 */
export function barrier(size: number, maxWaitMs = 2000): () => Promise<void> {
  let group: (() => void)[] = [];
  return () =>
    new Promise<void>((resolve) => {
      const current = group;
      current.push(resolve);
      if (current.length >= size) {
        group = [];
        for (const release of current) release();
        return;
      }
      setTimeout(() => {
        if (group === current) group = [];
        resolve();
      }, maxWaitMs);
    });
}
