import { useState } from 'preact/hooks';
import type { ActionNode } from '../api/apiTypes.js';
import { Markdown } from '../markdown/Markdown.js';
import { CommandNotice } from './CommandNotice.js';
import { nodeName } from './describeEntry.js';
import { useRoom } from './roomContext.js';
import type { StepProps } from './stepProps.js';
import { useCommand } from './useCommand.js';

/** Only web links open from a runbook: never javascript: or data: URLs. */
export function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An action: instructions (Markdown, sanitized), links, and Done or Skip with an optional note. */
export function ActionStep({ nodeId, node, onStale }: StepProps<ActionNode>) {
  const { runbook, may } = useRoom();
  const [note, setNote] = useState('');
  const [completing, send] = useCommand(onStale);
  const complete = (result: 'done' | 'skipped'): void => {
    const text = note.trim();
    void send({ type: 'complete_action', node: nodeId, result, ...(text !== '' ? { note: text } : {}) });
  };
  const noteId = `action-note-${nodeId}`;
  return (
    <>
      {node.mitigation === true ? (
        <p class="mitigation-flag"><span class="badge mitigation-badge">Mitigation</span> Mitigate first: stop the impact now, find the cause afterwards.</p>
      ) : null}
      <Markdown class="step-instructions" source={node.instructions} />
      {node.links && node.links.length > 0 ? (
        <ul class="step-links" aria-label="Links">
          {node.links.map((link) => (
            <li key={link.url}>
              {isWebUrl(link.url) ? (
                <a href={link.url} target="_blank" rel="noopener noreferrer">{link.title} <span aria-hidden="true">↗</span><span class="room-sr-only"> (opens in a new tab)</span></a>
              ) : (
                <span>{link.title}: <code>{link.url}</code></span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {may.respond ? (
        <div class="step-controls">
          <div class="field">
            <label for={noteId}>Note (optional)</label>
            <textarea id={noteId} rows={2} maxLength={10000} value={note} placeholder="What you did, what you saw"
              onInput={(e) => { setNote(e.currentTarget.value); }} />
          </div>
          <div class="step-buttons">
            <button type="button" class="primary" data-autofocus disabled={completing.busy} onClick={() => { complete('done'); }}>Done</button>
            <button type="button" disabled={completing.busy} onClick={() => { complete('skipped'); }}>Skip</button>
          </div>
          <p class="muted step-hint">Done → {nodeName(node.next, runbook)} · Skip → {nodeName(node.on_skip ?? node.next, runbook)}</p>
          <CommandNotice {...completing} />
        </div>
      ) : (
        <p class="muted viewer-note">A responder marks this done or skipped.</p>
      )}
    </>
  );
}
