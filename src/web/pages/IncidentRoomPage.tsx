import { useMemo, useState } from 'preact/hooks';
import { canAct, useApp } from '../app/appContext.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Link } from '../components/Link.js';
import { SeverityBadge, StatusBadge } from '../components/SeverityBadge.js';
import { useConnectionState } from '../live/useConnectionState.js';
import { useIncidentRoom } from '../live/useIncidentRoom.js';
import { latestAlertLabels } from '../room/alertLabels.js';
import { CurrentStep } from '../room/CurrentStep.js';
import { FollowUpsPanel } from '../room/FollowUpsPanel.js';
import { IncidentControls } from '../room/IncidentControls.js';
import { LastCheckResult } from '../room/LastCheckResult.js';
import { Presence } from '../room/Presence.js';
import { ReconnectBanner } from '../room/ReconnectBanner.js';
import { RolesPanel } from '../room/RolesPanel.js';
import { RoomContext, type ConfirmedPreview, type RoomContextValue } from '../room/roomContext.js';
import { RoomTimers } from '../room/RoomTimers.js';
import { RunbookPanel } from '../room/RunbookPanel.js';
import { Timeline } from '../room/Timeline.js';
import { useRunbook } from '../room/useRunbook.js';
import '../room/room.css';

/**
 * The incident room, where people spend the incident: header (status, timers, who is looking),
 * the current step of the runbook walk, the live timeline, and the runbook tree with the roles.
 * Three columns on a laptop (tree | step | timeline); one on a phone (step, timeline, tree).
 */
export function IncidentRoomPage({ incidentId }: { incidentId: string }) {
  const { connection, user } = useApp();
  const { room, state } = useIncidentRoom(connection, incidentId, canAct(user, 'admin'));
  const connectionState = useConnectionState(connection);
  const incident = state.incident;
  const walk = incident?.walk;
  const { runbook: walkRunbook, error: runbookError } = useRunbook({
    incidentId,
    ...(walk ? { walk: { runbookId: walk.runbookId, startedSeq: walk.startedSeq } } : {}),
    ...(incident?.runbook ? { runbookId: incident.runbook.id } : {}),
  });
  const runbook = walkRunbook?.runbook;
  const [confirmedPreview, setConfirmedPreview] = useState<ConfirmedPreview>();
  const alertLabels = useMemo(() => latestAlertLabels(state.entries), [state.entries]);

  if (state.error) {
    const missing = state.error.code === 'not_found';
    return (
      <main class="page">
        {missing ? <h1>No such incident</h1> : null}
        {missing ? <p>There is no incident <code>{incidentId}</code> on this server. The link may be mistyped, or from another server.</p> : <ErrorNotice error={state.error} />}
        <p><Link href="/incidents">Back to the incidents</Link></p>
      </main>
    );
  }
  if (!incident || !room) {
    return (
      <main class="page" aria-busy="true">
        <ReconnectBanner state={connectionState} />
        <p>Loading the incident…</p>
      </main>
    );
  }

  const context: RoomContextValue = {
    incidentId,
    room,
    incident,
    ...(runbook ? { runbook } : {}),
    ...(walkRunbook?.newer ? { newerRunbook: true } : {}),
    ...(runbookError !== undefined ? { runbookError } : {}),
    user,
    online: connectionState === 'online',
    may: { respond: canAct(user, 'responder'), command: canAct(user, 'commander') },
    ...(confirmedPreview ? { confirmedPreview } : {}),
    ...(alertLabels ? { alertLabels } : {}),
    setConfirmedPreview,
  };

  return (
    <RoomContext.Provider value={context}>
      <main class="room" data-incident={incidentId} aria-labelledby="room-title">
        <ReconnectBanner state={connectionState} />
        <header class="room-head">
          <div class="room-title-row">
            <h1 id="room-title">{incident.title}</h1>
            <SeverityBadge severity={incident.severity} />
            <StatusBadge status={incident.status} />
            <Presence users={state.presence} me={user.name} />
          </div>
          <div class="room-facts">
            <RoomTimers incident={incident} />
            {context.may.command ? <IncidentControls /> : null}
          </div>
          {incident.summary ? <p class="room-summary">{incident.summary}</p> : null}
        </header>
        <div class="room-body">
          <div class="room-col room-col-step">
            <LastCheckResult entries={state.entries} />
            <CurrentStep />
          </div>
          <Timeline entries={state.entries} />
          <div class="room-col room-col-tree">
            <RunbookPanel />
            <RolesPanel />
            <FollowUpsPanel />
          </div>
        </div>
      </main>
    </RoomContext.Provider>
  );
}
