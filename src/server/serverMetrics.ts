import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The server's Prometheus metrics, on a registry of its own (several servers may run in one test process). */
export interface ServerMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  /** Responses with a 4xx/5xx status, by the error code they carried. */
  httpErrors: Counter<'method' | 'route' | 'status' | 'code'>;
  httpDuration: Histogram<'method' | 'route'>;
  /** From a command's append call to the store acknowledging it durable. */
  appendDuration: Histogram;
  /** Set by the realtime gateway as sockets connect and disconnect. */
  connectedSockets: Gauge;
  openIncidents: Gauge;
  /** Where the open incidents gauge reads its value at each scrape (the incident service). */
  countOpenIncidents: () => Promise<number>;
}

export interface ServerMetricsOptions {
  /** Node process metrics (CPU, memory, event loop lag); default true. */
  processMetrics?: boolean;
}

export function createServerMetrics(options: ServerMetricsOptions = {}): ServerMetrics {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'runpath_' });
  const metrics: ServerMetrics = {
    registry,
    httpRequests: new Counter({ name: 'runpath_http_requests_total', help: 'HTTP requests answered, by route and status.', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    httpErrors: new Counter({
      name: 'runpath_http_errors_total',
      help: 'HTTP requests answered with an error (4xx/5xx), by route, status and error code.',
      labelNames: ['method', 'route', 'status', 'code'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'runpath_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route.',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    appendDuration: new Histogram({
      name: 'runpath_timeline_append_duration_seconds',
      help: 'Time for a timeline append to become durable (written and fsynced).',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    connectedSockets: new Gauge({ name: 'runpath_connected_sockets', help: 'Realtime (socket.io) clients connected now.', registers: [registry] }),
    openIncidents: new Gauge({
      name: 'runpath_open_incidents',
      help: 'Incidents not yet resolved or closed.',
      registers: [registry],
      async collect() {
        this.set(await metrics.countOpenIncidents());
      },
    }),
    countOpenIncidents: () => Promise.resolve(0),
  };
  return metrics;
}
