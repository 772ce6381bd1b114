import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/apiError.js';
import { apiRequest } from '../api/apiRequest.js';
import type { CheckNode } from '../api/apiTypes.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { conditionLabel } from '../../runbook/graph/conditionLabel.js';
import { checkOutcome, type CheckOutcome } from './checkOutcome.js';
import { CheckResultView } from './CheckResultView.js';
import { CommandNotice } from './CommandNotice.js';
import { nodeName } from './describeEntry.js';
import { useRoom } from './roomContext.js';
import type { StepProps } from './stepProps.js';
import { useCommand } from './useCommand.js';

/** `at`: the evaluation time the server used (unix seconds); `shownAt`: when this page got it (ms). */
type Preview = { state: 'idle' } | { state: 'loading' } | { state: 'done'; outcome: CheckOutcome; at?: number; shownAt: number } | { state: 'error'; error: unknown };

/** The server evaluates a check at a preview's time only within 5 minutes; stay clear of the edge. */
const PREVIEW_AT_VALID_MS = 4 * 60 * 1000;

/**
 * A check: what it reads and the thresholds it decides on. "Run check" asks the server for a dry
 * run (nothing recorded) and shows the value and the branch the engine proposes; "Confirm"
 * records it: run_check evaluates again at the preview's time, so it records what was shown (the
 * recorded value is the truth; after a few minutes it is evaluated at the time of the confirm).
 */
export function CheckStep({ nodeId, node, onStale }: StepProps<CheckNode>) {
  const { incidentId, incident, runbook, may, setConfirmedPreview } = useRoom();
  const [preview, setPreview] = useState<Preview>({ state: 'idle' });
  const [confirming, send] = useCommand(onStale);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const mounted = useRef(true);
  useEffect(() => () => {
    mounted.current = false;
  }, []);
  useEffect(() => {
    if (preview.state === 'done') confirmButton.current?.focus();
  }, [preview.state]);

  const runPreview = (): void => {
    setPreview({ state: 'loading' });
    apiRequest<{ at?: number; events: { type: string; data: unknown }[] }>('POST', `/api/incidents/${encodeURIComponent(incidentId)}/walk/preview`, { body: { node: nodeId } })
      .then((answer) => {
        const outcome = checkOutcome(answer.events);
        if (!mounted.current) return;
        setPreview(outcome ? { state: 'done', outcome, ...(answer.at === undefined ? {} : { at: answer.at }), shownAt: Date.now() } : { state: 'error', error: new Error('the server answered the preview without a check result; run it again') });
      })
      .catch((error: unknown) => {
        if (!mounted.current) return;
        if (error instanceof ApiError && error.code === 'stale_node') {
          setPreview({ state: 'idle' });
          onStale(error);
          return;
        }
        setPreview({ state: 'error', error });
      });
  };

  const confirm = (): void => {
    if (preview.state === 'done') setConfirmedPreview({ node: nodeId, next: preview.outcome.data.next, afterSeq: incident.lastSeq });
    const at = preview.state === 'done' && preview.at !== undefined && Date.now() - preview.shownAt < PREVIEW_AT_VALID_MS ? preview.at : undefined;
    void send({ type: 'run_check', node: nodeId, ...(at === undefined ? {} : { at }) });
  };

  const source = Object.hasOwn(runbook?.sources ?? {}, node.source) ? runbook?.sources[node.source] : undefined;
  const offset = node.compare?.offset;
  return (
    <>
      <dl class="step-facts">
        <dt>Source</dt>
        <dd><code>{node.source}</code>{source ? <span class="muted"> ({source.type})</span> : null}</dd>
        {node.unit ? <><dt>Unit</dt><dd>{node.unit}</dd></> : null}
        {node.reduce ? <><dt>Series</dt><dd>{node.reduce}</dd></> : null}
        {offset ? <><dt>Compared with</dt><dd>{offset} ago</dd></> : null}
      </dl>
      <pre class="step-query"><code>{node.query}</code></pre>
      <h3 class="step-subhead">Thresholds</h3>
      <ul class="outlets">
        {node.branches.map((branch, i) => (
          <li key={i}>
            <span class="outlet-when">{conditionLabel(branch.when, offset)}</span>
            {branch.label ? <span class="outlet-label"> {branch.label}</span> : null}
            <span class="outlet-next"> → {nodeName(branch.next, runbook)}</span>
          </li>
        ))}
        {node.default !== undefined ? <li><span class="outlet-when">otherwise</span><span class="outlet-next"> → {nodeName(node.default, runbook)}</span></li> : null}
        <li class="outlet-fallback"><span class="outlet-when">no data</span><span class="outlet-next"> → {nodeName(node.on_no_data, runbook)}</span></li>
        <li class="outlet-fallback"><span class="outlet-when">source error</span><span class="outlet-next"> → {nodeName(node.on_error, runbook)}</span></li>
      </ul>

      {may.respond ? (
        <div class="step-controls">
          {preview.state === 'done' ? (
            <div class="preview" aria-live="polite">
              <CheckResultView outcome={preview.outcome} mode="preview" {...(runbook ? { runbook } : {})} />
              <div class="step-buttons">
                <button type="button" class="primary" ref={confirmButton} disabled={confirming.busy} onClick={confirm}>Confirm</button>
                <button type="button" disabled={confirming.busy} onClick={runPreview}>Run again</button>
              </div>
              <p class="muted step-hint">Confirm records the check: it reads the metric again at the moment shown (within 4 minutes), and the recorded value decides.</p>
            </div>
          ) : (
            <div class="step-buttons">
              <button type="button" class="primary" data-autofocus disabled={preview.state === 'loading'} onClick={runPreview}>
                {preview.state === 'loading' ? 'Running…' : 'Run check'}
              </button>
            </div>
          )}
          {preview.state === 'error' ? <ErrorNotice error={preview.error} /> : null}
          <CommandNotice {...confirming} />
        </div>
      ) : (
        <p class="muted viewer-note">A responder runs this check; you see its result here when it is recorded.</p>
      )}
    </>
  );
}
