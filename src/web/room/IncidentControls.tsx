import { useEffect, useState } from 'preact/hooks';
import type { IncidentStatus, Severity } from '../api/apiTypes.js';
import { allowedStatusMoves } from '../../incidents/incidentStatus.js';
import { SEVERITIES } from '../../incidents/severity.js';
import { CommandNotice } from './CommandNotice.js';
import { useRoom } from './roomContext.js';
import { useCommand } from './useCommand.js';

/** Status (the moves the lifecycle allows, with an optional reason) and severity, for commanders and admins. */
export function IncidentControls() {
  const { incident } = useRoom();
  const [status, setStatus] = useState<IncidentStatus>(incident.status);
  const [reason, setReason] = useState('');
  const [severity, setSeverity] = useState<Severity>(incident.severity);
  const [statusCommand, sendStatus] = useCommand();
  const [severityCommand, sendSeverity] = useCommand();
  // When someone else changes it, show the new value rather than a stale choice.
  useEffect(() => { setStatus(incident.status); }, [incident.status]);
  useEffect(() => { setSeverity(incident.severity); }, [incident.severity]);
  const moves = allowedStatusMoves(incident.status);

  return (
    <div class="incident-controls">
      <form class="control-group" onSubmit={(event) => {
        event.preventDefault();
        if (status === incident.status) return;
        const text = reason.trim();
        void sendStatus({ type: 'status', to: status, ...(text !== '' ? { reason: text } : {}) }).then((result) => {
          if (result) setReason('');
        });
      }}>
        <label for="room-status">Status</label>
        <select id="room-status" value={status} onChange={(e) => { setStatus(e.currentTarget.value as IncidentStatus); }}>
          <option value={incident.status}>{incident.status} (now)</option>
          {moves.map((s) => <option key={s} value={s}>{s}{s === 'investigating' ? ' (reopen)' : ''}</option>)}
        </select>
        {status !== incident.status ? (
          <>
            <label for="room-status-reason" class="room-sr-only">Reason (optional)</label>
            <input id="room-status-reason" class="status-reason" value={reason} maxLength={1000} placeholder="Reason (optional)"
              onInput={(e) => { setReason(e.currentTarget.value); }} />
          </>
        ) : null}
        <button type="submit" disabled={status === incident.status || statusCommand.busy}>Set status</button>
        <CommandNotice {...statusCommand} />
      </form>
      <form class="control-group" onSubmit={(event) => {
        event.preventDefault();
        if (severity !== incident.severity) void sendSeverity({ type: 'severity', to: severity });
      }}>
        <label for="room-severity">Severity</label>
        <select id="room-severity" value={severity} onChange={(e) => { setSeverity(e.currentTarget.value as Severity); }}>
          {SEVERITIES.map((s) => <option key={s} value={s}>{s.toUpperCase()}{s === incident.severity ? ' (now)' : ''}</option>)}
        </select>
        <button type="submit" disabled={severity === incident.severity || severityCommand.busy}>Set severity</button>
        <CommandNotice {...severityCommand} />
      </form>
    </div>
  );
}
