import type { AccessRole } from '../../incidents/accessRole.js';
import { OPEN_FOR_ALERTS, findAlertIncident } from '../../incidents/alerts/alertGrouping.js';
import type { AlertGrouping, AlertNotification } from '../../incidents/alerts/alertNotification.js';
import { formatAge } from '../../incidents/alerts/formatAge.js';
import { planAlertIncident } from '../../incidents/alerts/planAlertIncident.js';
import { requireAuthorized } from '../../incidents/authorize.js';
import type { Incident } from '../../incidents/incident.js';
import type { Actor, TimelineEvent } from '../../incidents/timelineEvent.js';
import type { IncidentService } from '../incidentService.js';
import { KeyedQueue } from '../keyedQueue.js';
import { refusalResult, type ServiceResult } from '../serviceResult.js';
import { ALERT_COMMAND_TYPE, type AlertCommandBody } from './alertCommand.js';
import { alertmanagerNotification } from './alertmanagerNotification.js';
import { parseAlertmanagerPayload } from './alertmanagerPayload.js';
import { notificationKey } from './notificationKey.js';

/** The part of the incident service the intake uses. */
export type AlertIntakeService = Pick<IncidentService, 'catalog' | 'open' | 'command' | 'get' | 'list' | 'events'>;

export interface AlertIntakeOptions {
  service: AlertIntakeService;
  /** How long after an incident last saw a fingerprint a notification naming it still groups there. */
  windowMs: number;
  /** Wall clock, epoch ms (default Date.now). */
  now?: () => number;
}

/** The answer to a recorded notification: where it went, how, and the seqs it appended (opening included). */
export interface AlertAnswer {
  incidentId: string;
  decision: AlertGrouping['decision'];
  events: [number, number];
}

const SOURCE = 'alertmanager';
const ACTOR: Actor = { kind: 'alert', source: SOURCE };
const ALERT_TYPES = new Set(['alert.received', 'alert.resolved']);
/** Every notification takes this one queue: two webhooks for one new group must not open two incidents. */
const QUEUE_KEY = 'alertmanager';

/** The service's answer to a key already used for another payload (the same notification, other annotations). */
function isKeyReused(result: ServiceResult): boolean {
  return result.status === 422 && (result.body as { error?: { code?: string } }).error?.code === 'idempotency_key_reused';
}

function groupingOf(event: TimelineEvent | undefined): AlertGrouping | undefined {
  const grouping = (event?.data as { grouping?: AlertGrouping } | undefined)?.grouping;
  return event && ALERT_TYPES.has(event.type) ? grouping : undefined;
}

/** The answer a stored alert event gives: an opening decision counts the incident's first events too. */
function answerOf(incidentId: string, event: TimelineEvent | undefined): ServiceResult | undefined {
  const grouping = groupingOf(event);
  if (!event || !grouping) return undefined;
  const body: AlertAnswer = { incidentId, decision: grouping.decision, events: [grouping.decision === 'opened' ? 1 : event.seq, event.seq] };
  return { status: 200, body };
}

/**
 * Alertmanager's webhook: each notification is recorded on the open incident it belongs to (same
 * groupKey, else a fingerprint seen within the window), or opens one (firing only) with the
 * best-matching runbook walking. Through the incident service, so every event is stored, published
 * and idempotent like any other: the key is a hash of the notification's content.
 */
export class AlertIntake {
  readonly #service: AlertIntakeService;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #queue = new KeyedQueue();

  constructor(options: AlertIntakeOptions) {
    this.#service = options.service;
    this.#windowMs = options.windowMs;
    this.#now = options.now ?? Date.now;
  }

  /** Records a webhook body sent with `role`: 200 with an AlertAnswer or `{ ignored }`, or an error result. */
  async receive(role: AccessRole, body: unknown): Promise<ServiceResult> {
    try {
      requireAuthorized(role, 'recordAlert');
      const payload = parseAlertmanagerPayload(body);
      const notification = alertmanagerNotification(payload);
      const key = notificationKey(SOURCE, payload);
      return await this.#queue.run(QUEUE_KEY, () => this.#record(role, notification, key));
    } catch (error) {
      const refusal = refusalResult(error);
      if (refusal) return refusal;
      throw error;
    }
  }

  async #record(role: AccessRole, notification: AlertNotification, key: string): Promise<ServiceResult> {
    const firing = notification.status === 'firing';
    // Planned for every firing notification, opened or not: a retry must send the very same command.
    const plan = firing ? planAlertIncident(notification, this.#service.catalog.runbooks.values(), this.#windowMs) : undefined;
    const command: AlertCommandBody = { type: ALERT_COMMAND_TYPE, notification, windowMs: this.#windowMs, ...(plan ? { opening: plan.reason } : {}) };
    const open = await this.#openIncidents(role);
    if (!Array.isArray(open)) return open;
    const target = findAlertIncident(open, notification, this.#now(), this.#windowMs);
    if (target) return this.#recordOn(target.id, role, command, key);
    if (!plan) {
      return { status: 200, body: { ignored: `no open incident has groupKey ${JSON.stringify(notification.groupKey)} or saw its fingerprints in the last ${formatAge(this.#windowMs)}; a resolved notification opens nothing` } };
    }
    const opened = await this.#service.open(ACTOR, role, plan.open, key);
    const incidentId = (opened.body as { id?: unknown }).id;
    if (opened.status === 201 && typeof incidentId === 'string') return this.#recordOn(incidentId, role, command, key);
    // This notification opened an incident before but its alert was not recorded (a crash between
    // the two writes) and the retry's annotations differ: finish on the incident it opened.
    if (isKeyReused(opened)) {
      const earlier = await this.#openedWith(key, open, role);
      if (earlier !== undefined) return this.#recordOn(earlier, role, command, key);
    }
    return opened;
  }

  /** The open incident whose opening event carries this idempotency key, if any. */
  async #openedWith(key: string, open: readonly Incident[], role: AccessRole): Promise<string | undefined> {
    for (const incident of open) {
      const read = await this.#service.events(incident.id, 0, role);
      const first = read.status === 200 ? (read.body as { events: TimelineEvent[] }).events[0] : undefined;
      if (first?.key === key) return incident.id;
    }
    return undefined;
  }

  async #recordOn(incidentId: string, role: AccessRole, command: AlertCommandBody, key: string): Promise<ServiceResult> {
    const result = await this.#service.command(incidentId, ACTOR, role, command, key);
    if (result.status === 201) return answerOf(incidentId, (result.body as { events: TimelineEvent[] }).events[0]) ?? result;
    // The same notification again with other annotations (values in templates change): still recorded once.
    if (isKeyReused(result)) {
      const first = await this.#service.events(incidentId, 0, role);
      const events = first.status === 200 ? (first.body as { events: TimelineEvent[] }).events : [];
      return answerOf(incidentId, events.find((e) => e.key === key && ALERT_TYPES.has(e.type))) ?? result;
    }
    return result;
  }

  /** The incidents a notification may group onto, folded (list gives summaries; the fold has the alerts); or why they cannot be read. */
  async #openIncidents(role: AccessRole): Promise<Incident[] | ServiceResult> {
    const listed = await this.#service.list(role);
    if (listed.status !== 200) return listed;
    const summaries = (listed.body as { incidents: { id: string; status: Incident['status'] }[] }).incidents;
    const incidents: Incident[] = [];
    for (const { id, status } of summaries) {
      if (!OPEN_FOR_ALERTS.includes(status)) continue;
      const got = await this.#service.get(id, role);
      // A timeline that cannot be read now (damaged) is left out, as the list leaves it out.
      if (got.status === 200) incidents.push(got.body as Incident);
    }
    return incidents;
  }
}
