import type { PresentUser } from '../api/apiTypes.js';

/** Who has the incident open right now (live, never recorded). */
export function Presence({ users, me }: { users: PresentUser[]; me: string }) {
  return (
    <p class="presence" aria-live="polite">
      <span class="presence-label">Looking now:</span>{' '}
      {users.length === 0 ? <span class="muted">nobody</span> : users.map((u, i) => (
        <span key={u.name} class={`presence-user${u.name === me ? ' me' : ''}`} title={`${u.connections} tab${u.connections === 1 ? '' : 's'}`}>
          {u.name}{u.name === me ? ' (you)' : ''}{i < users.length - 1 ? ', ' : ''}
        </span>
      ))}
    </p>
  );
}
