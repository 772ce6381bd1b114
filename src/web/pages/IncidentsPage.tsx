import type { IncidentSummary, PresentUser } from '../api/apiTypes.js';
import { canAct, useApp } from '../app/appContext.js';
import { Link } from '../components/Link.js';
import { LocalTime } from '../components/LocalTime.js';
import { SeverityBadge, StatusBadge } from '../components/SeverityBadge.js';
import { formatDuration } from '../format/formatTime.js';
import { useNow } from '../format/useNow.js';
import { useLobby } from '../live/useLobby.js';

const OPEN = new Set(['investigating', 'identified', 'mitigated']);
const SEVERITY_ORDER = { sev1: 0, sev2: 1, sev3: 2, sev4: 3 } as const;

/** Open incidents first (most severe, then newest), then the rest, newest first. */
export function sortIncidents(incidents: Iterable<IncidentSummary>): IncidentSummary[] {
  return [...incidents].sort((a, b) => {
    const openA = OPEN.has(a.status) ? 0 : 1;
    const openB = OPEN.has(b.status) ? 0 : 1;
    if (openA !== openB) return openA - openB;
    if (openA === 0 && a.severity !== b.severity) return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    return a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0;
  });
}

function ageMs(iso: string, now: number): number {
  return now - new Date(iso).getTime();
}

/** The incidents list and, above it, the commander's overview of what is open. */
export function IncidentsPage() {
  const { connection, user } = useApp();
  const lobby = useLobby(connection);
  const now = useNow(5000);
  const incidents = lobby.incidents ? sortIncidents(lobby.incidents.values()) : undefined;
  const open = incidents?.filter((i) => OPEN.has(i.status)) ?? [];
  return (
    <main class="page">
      <div class="page-head">
        <h1>Incidents</h1>
        {canAct(user, 'responder') ? <Link href="/incidents/new" class="button primary">Open an incident</Link> : null}
      </div>
      {lobby.error ? <p class="notice notice-error" role="alert">{lobby.error}</p> : null}
      {incidents === undefined ? <p aria-busy="true">Loading incidents…</p> : null}
      {open.length > 0 ? <Overview incidents={open} now={now} /> : null}
      {incidents && incidents.length === 0 ? <p class="muted">No incidents yet. Open one when something breaks; the timeline starts at once.</p> : null}
      {incidents && incidents.length > 0 ? (
        <table class="incidents" aria-label="Incidents">
          <thead>
            <tr><th>Severity</th><th>Incident</th><th>Status</th><th>Age</th><th>Commander</th><th>Looking now</th></tr>
          </thead>
          <tbody>
            {incidents.map((incident) => (
              <IncidentRow key={incident.id} incident={incident} now={now} present={lobby.presence.get(incident.id) ?? []} />
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}

function IncidentRow({ incident, now, present }: { incident: IncidentSummary; now: number; present: PresentUser[] }) {
  return (
    <tr data-incident={incident.id} class={OPEN.has(incident.status) ? 'open' : 'closed'}>
      <td><SeverityBadge severity={incident.severity} /></td>
      <td><Link href={`/incidents/${encodeURIComponent(incident.id)}`}>{incident.title}</Link></td>
      <td><StatusBadge status={incident.status} /></td>
      <td title={`opened ${incident.openedAt}`}>{formatDuration(ageMs(incident.openedAt, now))}</td>
      <td>{incident.roles.commander ?? <span class="muted">none</span>}</td>
      <td>{present.length > 0 ? present.map((u) => u.name).join(', ') : <span class="muted">nobody</span>}</td>
    </tr>
  );
}

/** For a commander across incidents: what is mitigated, and where each walk stands and for how long. */
function Overview({ incidents, now }: { incidents: IncidentSummary[]; now: number }) {
  return (
    <section class="overview" aria-label="Open incidents overview">
      {incidents.map((incident) => {
        const walk = incident.walk;
        const mitigated = incident.figures.timeToMitigate;
        return (
          <Link key={incident.id} href={`/incidents/${encodeURIComponent(incident.id)}`} class={`overview-card sev-edge-${incident.severity}`}>
            <span class="overview-title"><SeverityBadge severity={incident.severity} /> {incident.title}</span>
            <span class={mitigated ? 'overview-mitigated' : 'overview-unmitigated'}>
              {mitigated ? `Mitigated after ${formatDuration(mitigated.afterMs)}` : `Not mitigated · open ${formatDuration(ageMs(incident.openedAt, now))}`}
            </span>
            {walk ? (
              <span class="overview-walk">
                {walk.ended ? `Walk ended: ${walk.ended.outcome}` : `At ${walk.current ?? '?'}`}
                {walk.since && !walk.ended ? <> for {formatDuration(ageMs(walk.since, now))}</> : null}
                {walk.since && walk.ended ? <> · <LocalTime iso={walk.since} /></> : null}
              </span>
            ) : <span class="muted">No runbook walk</span>}
          </Link>
        );
      })}
    </section>
  );
}
