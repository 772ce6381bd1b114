// bench/realtime client process: N socket.io clients on runpath's gateway (joined to the incident)
// and N on the bare server. For each message it reports when the LAST of the N received it
// (process.hrtime in ms, comparable with the server process's stamps), and checks order.

import { io } from 'socket.io-client';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const { runpathUrl, bareUrl, incidentId, n } = JSON.parse(process.argv[2]);

const pending = new Map();
let disorder = 0;

function received(arm, text) {
  const match = /^m(\d+)$/.exec(text ?? '');
  if (!match) return;
  const key = `${arm}:${match[1]}`;
  const t = now();
  const count = (pending.get(key) ?? 0) + 1;
  if (count === n) {
    pending.delete(key);
    process.send({ done: { arm, id: Number(match[1]), lastAt: t } });
  } else {
    pending.set(key, count);
  }
}

function connect(url, auth) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, ...(auth ? { auth } : {}) });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function connectMany(count, open) {
  const sockets = [];
  // Batches of 50: a thousand handshakes at once would time the connection storm, not the fan-out.
  for (let i = 0; i < count; i += 50) sockets.push(...(await Promise.all(Array.from({ length: Math.min(50, count - i) }, open))));
  return sockets;
}

const runpath = await connectMany(n, async () => {
  const socket = await connect(runpathUrl, { token: 'bench' });
  let lastSeq = 0;
  socket.on('events', (batch) => {
    for (const event of batch.events) {
      if (event.seq !== lastSeq + 1) disorder++;
      lastSeq = event.seq;
      received('runpath', event.data?.text);
    }
  });
  const answer = await socket.timeout(30_000).emitWithAck('join', { incidentId, afterSeq: 0 });
  if (answer.status !== 200) throw new Error(`join failed: ${JSON.stringify(answer)}`);
  lastSeq = answer.body.lastSeq;
  return socket;
});
process.send({ phase: 'runpath-connected' });
await new Promise((resolve) => process.once('message', resolve));

const bare = await connectMany(n, async () => {
  const socket = await connect(bareUrl);
  socket.on('events', (batch) => {
    for (const event of batch.events) received('bare', event.data?.text);
  });
  return socket;
});
process.send({ phase: 'bare-connected' });

process.on('message', (message) => {
  if (message.op !== 'close') return;
  for (const socket of [...runpath, ...bare]) socket.disconnect();
  process.send({ closed: { disorder, unfinished: pending.size } });
  process.disconnect();
});
