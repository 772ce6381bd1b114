// Real `runpath serve` child processes (the built CLI, bin/runpath.js) on a temp data dir, and the
// HTTP and socket clients the server integration tests drive them with.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { io as connectClient, type Socket } from 'socket.io-client';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../../bin/runpath.js', import.meta.url));

export interface ServeProcess {
  process: ChildProcess;
  pid: number;
  url: string;
  port: number;
  /** Every stdout and stderr line so far (for failure messages). */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: no shutdown, no flush, no unlock. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the graceful exit. */
  stop(): Promise<void>;
}

/** Starts `runpath serve` on 127.0.0.1 (a free port unless given) and resolves once it listens. */
export async function startServe(dataDir: string, options: { port?: number } = {}): Promise<ServeProcess> {
  const args = [BIN, 'serve', '--port', String(options.port ?? 0), '--data', dataDir, '--log-level', 'warn'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('could not start runpath serve');
  const pid = child.pid;
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => { resolve({ code, signal }); });
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`runpath serve did not listen within 15 s:\n${output}`)); }, 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = /^runpath serving on (http:\/\/\S+)$/m.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`runpath serve exited (${signal ?? String(code)}) before listening:\n${output}`));
    });
  });
  return {
    process: child,
    pid,
    url,
    port: Number(new URL(url).port),
    output: () => output,
    exited,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      const { code } = await exited;
      if (code !== 0) throw new Error(`runpath serve stopped with ${String(code)}:\n${output}`);
    },
  };
}

/** `runpath user add` before the server starts; its token. */
export function addUser(dataDir: string, name: string, role: string): string {
  const result = spawnSync(process.execPath, [BIN, 'user', 'add', name, '--role', role, '--data', dataDir], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`runpath user add failed: ${result.stderr}`);
  return result.stdout.trim();
}

export interface Answer {
  status: number;
  body: unknown;
}

/** One HTTP request with a bearer token; a refused or cut connection rejects. */
export async function api(url: string, token: string, method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  const response = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

export interface StoredEvent {
  seq: number;
  id: string;
  type: string;
  data: { text?: string };
  key?: string;
}

export async function readTimeline(url: string, token: string, incidentId: string, after = 0): Promise<StoredEvent[]> {
  const answer = await api(url, token, 'GET', `/api/incidents/${encodeURIComponent(incidentId)}/events?after=${after}`);
  if (answer.status !== 200) throw new Error(`reading ${incidentId} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as { events: StoredEvent[] }).events;
}

export async function openIncident(url: string, token: string, title: string, idempotencyKey?: string): Promise<string> {
  const answer = await api(url, token, 'POST', '/api/incidents', { title, severity: 'sev2' }, idempotencyKey);
  if (answer.status !== 201) throw new Error(`opening an incident answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return (answer.body as { id: string }).id;
}

/** A connected socket.io client (websocket only); rejects with the connect_error. */
export async function connectSocket(url: string, token: string, options: { reconnection?: boolean } = {}): Promise<Socket> {
  const socket = connectClient(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    auth: { token },
  });
  await new Promise<void>((resolve, reject) => {
    const connected = (): void => {
      socket.off('connect_error', refused);
      resolve();
    };
    // Only the first attempt: a later connect_error is a reconnection attempt that socket.io retries.
    const refused = (error: Error): void => {
      socket.off('connect', connected);
      socket.disconnect();
      reject(error);
    };
    socket.once('connect', connected);
    socket.once('connect_error', refused);
  });
  return socket;
}

export async function request(socket: Socket, event: string, payload: unknown, timeoutMs = 5000): Promise<Answer> {
  return (await socket.timeout(timeoutMs).emitWithAck(event, payload)) as Answer;
}
