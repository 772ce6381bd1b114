import { useState } from 'preact/hooks';
import type { IncidentRole } from '../api/apiTypes.js';
import { INCIDENT_ROLES } from '../../incidents/incidentRole.js';
import { CommandNotice } from './CommandNotice.js';
import { useRoom } from './roomContext.js';
import { useCommand } from './useCommand.js';

/** Who holds each incident role; commanders take a role or hand it to someone by name. */
export function RolesPanel() {
  const { incident, user, may } = useRoom();
  const [role, setRole] = useState<IncidentRole>('commander');
  const [name, setName] = useState('');
  const [assigning, send] = useCommand();
  const assign = (r: IncidentRole, to: string): void => {
    void send({ type: 'role', role: r, user: to }).then((result) => {
      if (result && to === name.trim()) setName('');
    });
  };
  return (
    <section class="roles panel" aria-label="Roles">
      <h2 class="panel-title">Roles</h2>
      <ul class="role-list">
        {INCIDENT_ROLES.map((r) => {
          const holder = incident.roles[r];
          return (
            <li key={r} data-role={r}>
              <span class="role-name">{r}</span>
              <span class="role-holder">{holder ?? <span class="muted">nobody</span>}{holder === user.name ? ' (you)' : ''}</span>
              {may.command && holder !== user.name ? (
                <button type="button" class="link-button" disabled={assigning.busy} aria-label={`Take the ${r} role`} onClick={() => { assign(r, user.name); }}>Take</button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {may.command ? (
        <form class="assign-role" onSubmit={(event) => {
          event.preventDefault();
          const to = name.trim();
          if (to !== '') assign(role, to);
        }}>
          <label for="assign-role">Role</label>
          <select id="assign-role" value={role} onChange={(e) => { setRole(e.currentTarget.value as IncidentRole); }}>
            {INCIDENT_ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
          <label for="assign-user">User name</label>
          <input id="assign-user" value={name} maxLength={100} autoComplete="off" placeholder="e.g. bob" onInput={(e) => { setName(e.currentTarget.value); }} />
          <button type="submit" disabled={name.trim() === '' || assigning.busy}>{incident.roles[role] ? 'Hand off' : 'Assign'}</button>
        </form>
      ) : null}
      <CommandNotice {...assigning} />
    </section>
  );
}
