// A stand-in that answers every query at once with the same small vector: timing the three arms
// against it leaves only the client side's own cost (Prometheus's evaluation time drops out).
import http from 'node:http';
import { ZONES } from './benchData.js';

/** Starts it on 127.0.0.1 at a free port; `close()` stops it. */
export async function startStubPrometheus() {
  const body = JSON.stringify({
    status: 'success',
    data: { resultType: 'vector', result: ZONES.map((zone, i) => ({ metric: { zone }, value: [1_700_000_000, String(0.002 * (i + 1))] })) },
  });
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
