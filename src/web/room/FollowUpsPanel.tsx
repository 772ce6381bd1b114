import { useState } from 'preact/hooks';
import { FOLLOW_UP_KINDS, type FollowUpKind } from '../../incidents/followUpKind.js';
import { CommandNotice } from './CommandNotice.js';
import { useRoom } from './roomContext.js';
import { useCommand } from './useCommand.js';

const KIND_LABEL: Record<FollowUpKind, string> = {
  detect: 'Detect sooner',
  prevent: 'Prevent',
  correct: 'Correct',
};

/**
 * Follow-up action items, typed detect / prevent / correct, written down while the incident is
 * fresh; the postmortem lists them. Links to the postmortem draft built from the timeline.
 */
export function FollowUpsPanel() {
  const { incident, incidentId, may } = useRoom();
  const [kind, setKind] = useState<FollowUpKind>('prevent');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [adding, send] = useCommand();
  const postmortem = `/api/incidents/${encodeURIComponent(incidentId)}/postmortem.md`;
  return (
    <section class="follow-ups panel" aria-label="Follow-ups">
      <h2 class="panel-title">Follow-ups</h2>
      {incident.followUps.length === 0 ? <p class="muted">None yet.</p> : (
        <ul class="follow-up-list">
          {incident.followUps.map((item) => (
            <li key={item.seq} data-seq={item.seq}>
              <span class={`badge follow-up-${item.kind}`}>{item.kind}</span>{' '}
              {item.redacted ? <em class="muted">(redacted)</em> : <span>{item.text}</span>}
              {item.owner !== undefined ? <span class="muted"> · {item.owner}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {may.respond ? (
        <form class="follow-up-form" onSubmit={(event) => {
          event.preventDefault();
          const said = text.trim();
          if (said === '') return;
          const who = owner.trim();
          void send({ type: 'follow_up', kind, text: said, ...(who === '' ? {} : { owner: who }) }).then((result) => {
            if (!result) return;
            setText('');
            setOwner('');
          });
        }}>
          <label for="follow-up-kind">Kind</label>
          <select id="follow-up-kind" value={kind} onChange={(e) => { setKind(e.currentTarget.value as FollowUpKind); }}>
            {FOLLOW_UP_KINDS.map((k) => <option key={k} value={k}>{KIND_LABEL[k]}</option>)}
          </select>
          <label for="follow-up-text">Follow-up</label>
          <input id="follow-up-text" value={text} maxLength={10000} placeholder="e.g. alert on replica lag above 1s" onInput={(e) => { setText(e.currentTarget.value); }} />
          <label for="follow-up-owner">Owner (optional)</label>
          <input id="follow-up-owner" value={owner} maxLength={100} autoComplete="off" onInput={(e) => { setOwner(e.currentTarget.value); }} />
          <button type="submit" disabled={adding.busy || text.trim() === ''}>Add follow-up</button>
        </form>
      ) : null}
      <CommandNotice {...adding} />
      <p class="postmortem-links">
        <a href={postmortem} target="_blank" rel="noopener">Postmortem draft</a> (Markdown, from the timeline) ·{' '}
        <a href={postmortem.replace(/\.md$/, '.json')} target="_blank" rel="noopener">JSON</a>
      </p>
    </section>
  );
}
