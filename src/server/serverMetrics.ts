import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Incident, Milestone } from '../incidents/incident.js';
import { typedEvent } from '../incidents/parseIncidentEvent.js';
import type { TimelineEvent } from '../incidents/timelineEvent.js';

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
  /** Incidents opened by this process, by the severity they were opened with. */
  incidentsOpened: Counter<'severity'>;
  /** Opening to the first mitigation (the fold's timeToMitigate), observed when a stored batch sets it. */
  timeToMitigate: Histogram;
  /** Opening to the resolution (timeToResolve), observed when a stored batch sets it: again after a reopen. */
  timeToResolve: Histogram;
  /** Where the open incidents gauge reads its value at each scrape (the incident service). */
  countOpenIncidents: () => Promise<number>;
}

export interface ServerMetricsOptions {
  /** Node process metrics (CPU, memory, event loop lag); default true. */
  processMetrics?: boolean;
}

/** Incident durations run from minutes to a day or more. */
const INCIDENT_SECONDS_BUCKETS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 43200, 86400];

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
    incidentsOpened: new Counter({
      name: 'runpath_incidents_opened_total',
      help: 'Incidents opened since this process started, by the severity they were opened with.',
      labelNames: ['severity'],
      registers: [registry],
    }),
    timeToMitigate: new Histogram({
      name: 'runpath_time_to_mitigate_seconds',
      help: 'Time from opening to the first mitigation (a mitigation action done, or status mitigated or later), per incident mitigated while this process ran.',
      buckets: INCIDENT_SECONDS_BUCKETS,
      registers: [registry],
    }),
    timeToResolve: new Histogram({
      name: 'runpath_time_to_resolve_seconds',
      help: 'Time from opening to the resolution, per resolution recorded while this process ran (a reopened incident resolved again counts again).',
      buckets: INCIDENT_SECONDS_BUCKETS,
      registers: [registry],
    }),
    countOpenIncidents: () => Promise.resolve(0),
  };
  return metrics;
}

/** Whether the batch from `first` to `last` holds the event that set this figure (it was not set before). */
const setWithin = (figure: Milestone | undefined, first: number, last: number): figure is Milestone =>
  figure !== undefined && figure.seq >= first && figure.seq <= last;

/**
 * Counts one stored batch (the incident service's subscribe listener: `incident` is the fold as the
 * batch leaves it). A figure is observed when the event that marks it is in this batch, so each is
 * observed once when it is recorded, a re-resolution after a reopen again, and nothing recorded
 * before this process started: after a restart the counters start from zero, as Prometheus expects
 * of a counter, and old incidents are never observed twice.
 */
export function observeIncidentBatch(metrics: ServerMetrics, events: readonly TimelineEvent[], incident: Incident): void {
  const first = events[0]?.seq;
  const last = events.at(-1)?.seq;
  if (first === undefined || last === undefined) return;
  for (const event of events) {
    const typed = typedEvent(event);
    if (typed?.type === 'incident.opened') metrics.incidentsOpened.inc({ severity: typed.data.severity });
  }
  const { timeToMitigate, timeToResolve } = incident.figures;
  if (setWithin(timeToMitigate, first, last)) metrics.timeToMitigate.observe(timeToMitigate.afterMs / 1000);
  if (setWithin(timeToResolve, first, last)) metrics.timeToResolve.observe(timeToResolve.afterMs / 1000);
}
