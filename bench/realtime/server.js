// bench/realtime server process: runpath's gateway (the incident service over a LowdbEventStore,
// attachRealtime) and a bare socket.io server, side by side in one process, driven over IPC by run.js.
// Times are process.hrtime (CLOCK_MONOTONIC, shared by every process on the machine), in ms.

import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { Server } from 'socket.io';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dist = (rel) => import(pathToFileURL(path.join(ROOT, 'dist', 'src', rel)).href);
const [{ LowdbEventStore }, { createIncidentService }, { attachRealtime }] = await Promise.all([
  dist('store/lowdbEventStore.js'),
  dist('server/incidentService.js'),
  dist('server/realtime/attachRealtime.js'),
]);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const MAX_MESSAGE = 64 * 1024;

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

function rss() {
  globalThis.gc?.();
  return process.memoryUsage().rss;
}

const dataDir = process.argv[2];
const store = await LowdbEventStore.open({ dataDir });
const service = createIncidentService({ store, runbooks: new Map(), sources: () => new Map(), now: Date.now });

// Subscribed before the gateway, so this stamp is taken when the append is durable and published,
// just before the gateway's broadcast: the start of the fan-out.
const publishedAt = new Map();
service.subscribe((events) => {
  const t = now();
  for (const event of events) {
    const match = /^m(\d+)$/.exec(event.data?.text ?? '');
    if (match) publishedAt.set(Number(match[1]), t);
  }
});

const runpathHttp = createServer();
const realtime = attachRealtime(runpathHttp, {
  service,
  authenticate: ({ token }) => (token === 'bench' ? { name: 'bench', role: 'viewer' } : undefined),
  logger: pino({ level: 'silent' }),
});
const bareHttp = createServer();
const bare = new Server(bareHttp, { serveClient: false, maxHttpBufferSize: MAX_MESSAGE });

const actor = { kind: 'user', name: 'writer' };
const opened = await service.open(actor, 'responder', { title: 'bench: fan-out', severity: 'sev2' });
if (opened.status !== 201) throw new Error(`open failed: ${JSON.stringify(opened)}`);
const incidentId = opened.body.id;
/** A real stored entry, copied for the bare arm so both send the same shape and size. */
let template;

const handlers = {
  async runpath({ id }) {
    const t0 = now();
    const result = await service.command(incidentId, actor, 'responder', { type: 'note', text: `m${id}` });
    if (result.status !== 201) throw new Error(`note failed: ${JSON.stringify(result)}`);
    template = result.body.events[0];
    return { id, commandAt: t0, publishedAt: publishedAt.get(id) };
  },
  bare({ id }) {
    const entry = { ...template, id: `bare-${id}`, data: { text: `m${id}` } };
    const t0 = now();
    bare.emit('events', { incidentId, events: [entry] });
    return { id, publishedAt: t0 };
  },
  rss() {
    return { rss: rss() };
  },
  async close() {
    realtime.close();
    bare.close();
    runpathHttp.close();
    await service.close();
    await store.close();
    return {};
  },
};

process.on('message', (message) => {
  Promise.resolve(handlers[message.op](message))
    .then((answer) => process.send({ seq: message.seq, ...answer }))
    .catch((error) => process.send({ seq: message.seq, error: String(error?.stack ?? error) }));
});

const [runpathUrl, bareUrl] = await Promise.all([listen(runpathHttp), listen(bareHttp)]);
process.send({ ready: true, runpathUrl, bareUrl, incidentId, lastSeq: 1, rss: rss() });
