import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Incident, Runbook, SessionUser } from '../api/apiTypes.js';
import type { IncidentRoom } from '../live/incidentRoom.js';
import type { ConfirmedPreview } from './checkOutcome.js';

export type { ConfirmedPreview } from './checkOutcome.js';

/** What the user may do here. The server checks again; these only decide which controls show. */
export interface RoomPermissions {
  /** Walk the runbook, add notes, star entries (responder and up). */
  respond: boolean;
  /** Status, severity, incident roles, redaction (commander and up). */
  command: boolean;
}

export interface RoomContextValue {
  incidentId: string;
  room: IncidentRoom;
  incident: Incident;
  /** The runbook of the walk (or the one named when opening), once fetched. */
  runbook?: Runbook;
  /** The catalog has a newer version of the runbook than the walk follows (it keeps its own). */
  newerRunbook?: boolean;
  /** Why the runbook could not be fetched, if it could not. */
  runbookError?: unknown;
  user: SessionUser;
  /** Whether the live connection is up: commands sent meanwhile wait for it. */
  online: boolean;
  may: RoomPermissions;
  /** The labels of the newest alert notification, to suggest a runbook by its `match:`. */
  alertLabels?: Record<string, string>;
  confirmedPreview?: ConfirmedPreview;
  setConfirmedPreview: (preview: ConfirmedPreview | undefined) => void;
}

export const RoomContext = createContext<RoomContextValue | undefined>(undefined);

export function useRoom(): RoomContextValue {
  const value = useContext(RoomContext);
  if (!value) throw new Error('useRoom outside the incident room');
  return value;
}
