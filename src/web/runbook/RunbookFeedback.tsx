import type { RunbookFeedbackItem } from '../api/apiTypes.js';
import { actorLabel } from '../../incidents/actorLabel.js';
import { Link } from '../components/Link.js';
import { LocalTime } from '../components/LocalTime.js';
import { useApiGet } from './useApiGet.js';

/** One flag a responder raised on a node during an incident. */
export type FeedbackItem = RunbookFeedbackItem;

const KIND: Record<FeedbackItem['kind'], string> = {
  wrong_branch: 'Wrong branch',
  missing_step: 'Missing step',
  other: 'Other',
};


/** What responders flagged on this runbook's nodes, newest first: the owners' to-do list. */
export function RunbookFeedback({ runbookId, onSelectNode }: { runbookId: string; onSelectNode: (node: string) => void }) {
  const loaded = useApiGet<{ feedback: FeedbackItem[] }>(`/api/runbooks/${encodeURIComponent(runbookId)}/feedback`);
  return (
    <section class="runbook-feedback" aria-label="Feedback from incidents">
      <h2>Feedback from incidents</h2>
      {loaded.state === 'loading' ? <p class="muted" aria-busy="true">Loading feedback…</p> : null}
      {loaded.state === 'failed' ? <p class="muted">Feedback could not be loaded.</p> : null}
      {loaded.state === 'loaded' && loaded.value.feedback.length === 0 ? (
        <p class="muted">None yet. Responders flag a step from the incident room (“Flag this step”) when a branch was wrong or a step was missing.</p>
      ) : null}
      {loaded.state === 'loaded' && loaded.value.feedback.length > 0 ? (
        <ul class="feedback-list">
          {loaded.value.feedback.map((item) => (
            <li key={`${item.incidentId}:${String(item.seq)}`} data-feedback-kind={item.kind}>
              <span class={`badge feedback-${item.kind}`}>{KIND[item.kind]}</span>{' '}
              at <button type="button" class="link-button" onClick={() => { onSelectNode(item.node); }}><code>{item.node}</code></button>
              {' · '}
              {item.redacted ? <em class="muted">(redacted)</em> : <span class="feedback-text">{item.text}</span>}
              <div class="muted feedback-meta">
                {actorLabel(item.actor)}, <LocalTime iso={item.at} />, in{' '}
                <Link href={`/incidents/${encodeURIComponent(item.incidentId)}`}>{item.incidentTitle}</Link>
                {item.runbookHash !== undefined ? <> (version <code>{item.runbookHash.slice(0, 12)}</code>)</> : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
