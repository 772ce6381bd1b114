import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SessionUser } from '../api/apiTypes.js';
import type { LiveConnection } from '../live/liveConnection.js';

/** What every page of a signed-in user gets: who they are and the live connection. */
export interface AppContextValue {
  user: SessionUser;
  connection: LiveConnection;
  signOut: () => void;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside the signed-in app');
  return value;
}

const RANK = { viewer: 0, responder: 1, commander: 2, admin: 3 } as const;

/** Whether the user's access role is at least `role` (the server checks again; this only hides controls). */
export function canAct(user: SessionUser, role: SessionUser['role']): boolean {
  return RANK[user.role] >= RANK[role];
}
