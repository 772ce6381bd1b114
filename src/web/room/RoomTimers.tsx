import type { Incident, Milestone } from '../api/apiTypes.js';
import { formatDuration, formatUtc } from '../format/formatTime.js';
import { useNow } from '../format/useNow.js';

function Figure({ label, milestone, pending }: { label: string; milestone?: Milestone; pending: string }) {
  return (
    <div class="timer">
      <dt>{label}</dt>
      <dd {...(milestone ? { title: `at ${formatUtc(milestone.at)} (entry #${milestone.seq})` } : {})}>
        {milestone ? formatDuration(milestone.afterMs) : <span class="muted">{pending}</span>}
      </dd>
    </div>
  );
}

/** Time since the incident opened (live, a second at a time), and the figures once they are set. */
export function RoomTimers({ incident }: { incident: Incident }) {
  const now = useNow(1000);
  const { figures } = incident;
  return (
    <dl class="room-timers" aria-label="Timers">
      <div class="timer timer-open">
        <dt>Open for</dt>
        <dd title={`opened ${formatUtc(incident.openedAt)}`}>{formatDuration(now - Date.parse(incident.openedAt))}</dd>
      </div>
      <Figure label="To acknowledge" pending="not yet" {...(figures.timeToAcknowledge ? { milestone: figures.timeToAcknowledge } : {})} />
      <Figure label="To mitigate" pending="not yet" {...(figures.timeToMitigate ? { milestone: figures.timeToMitigate } : {})} />
      <Figure label="To resolve" pending="not yet" {...(figures.timeToResolve ? { milestone: figures.timeToResolve } : {})} />
    </dl>
  );
}
