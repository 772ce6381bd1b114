import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { ActionStep } from './ActionStep.js';
import { CheckStep } from './CheckStep.js';
import { CommandNotice } from './CommandNotice.js';
import { EndStep } from './EndStep.js';
import { FlagStep } from './FlagStep.js';
import { QuestionStep } from './QuestionStep.js';
import { useRoom } from './roomContext.js';
import { StartWalk } from './StartWalk.js';

const REFUSAL_GRACE_MS = 1500;
/** The three-column layout of room.css, where each column scrolls on its own. */
const WIDE = '(min-width: 1100px)';

const TYPE_LABEL = { check: 'Check', question: 'Question', action: 'Action', end: 'End' } as const;

/** Moves focus to a new step's first control, unless the user is busy elsewhere (typing a note). */
function focusFirstControl(section: HTMLElement, scroll: boolean): void {
  const active = document.activeElement;
  const idle = active === null || active === document.body || section.contains(active);
  if (!idle) return;
  const target = section.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)')
    ?? section.querySelector<HTMLElement>('button:not(:disabled), select, textarea, input');
  target?.focus({ preventScroll: !scroll });
}

/**
 * The step the walk waits at, for the node's type: a check, a question, an action, the end, or no
 * walk at all. Each step is keyed by walk, node and visit, so its local state (a preview, a typed
 * note) never leaks into the next; after each step, focus moves to the new step's first control.
 */
export function CurrentStep() {
  const { incident, runbook, may } = useRoom();
  const [refusal, setRefusal] = useState<{ error: unknown; at: number }>();
  const section = useRef<HTMLElement>(null);
  const walk = incident.walk;
  const current = walk?.state.current ?? null;
  const ended = walk?.state.ended;
  const nodeId = current ?? ended?.node ?? null;
  const found = nodeId !== null && runbook && Object.hasOwn(runbook.nodes, nodeId) ? runbook.nodes[nodeId] : undefined;
  const nodeType = current === null ? (ended ? 'end' : undefined) : found?.type;
  const visit = current === null ? 0 : walk?.state.visits[current] ?? 1;
  const stepKey = walk ? `${walk.startedSeq}:${current ?? 'ended'}:${visit}` : 'no-walk';
  const ready = walk === undefined || ended !== undefined || found !== undefined;

  // After a step, the new step's control comes into view. On arrival too on a laptop (the step's
  // column scrolls), but not on a phone, where the page would scroll past the header.
  const arrived = useRef(false);
  useEffect(() => {
    if (!ready || !section.current) return;
    focusFirstControl(section.current, arrived.current || matchMedia(WIDE).matches);
    arrived.current = true;
  }, [stepKey, ready]);
  // A refusal is about the step it was sent from. A stale one usually arrives just after the live
  // update that moved the walk, so it stays through that move and goes with the next one.
  useEffect(() => {
    setRefusal((shown) => (shown && Date.now() - shown.at > REFUSAL_GRACE_MS ? undefined : shown));
  }, [stepKey]);
  const report = (error: unknown): void => {
    setRefusal({ error, at: Date.now() });
  };

  return (
    <section ref={section} class={`current-step panel${found?.type === 'action' && found.mitigation === true ? ' is-mitigation' : ''}`}
      aria-label="Current step" {...(nodeId !== null ? { 'data-node': nodeId } : {})} {...(nodeType ? { 'data-node-type': nodeType } : {})}>
      <header class="step-head">
        <span class="step-kicker">{nodeType ? TYPE_LABEL[nodeType] : walk ? 'Step' : 'No runbook walk yet'}</span>
        {nodeId !== null ? <code class="step-id">{nodeId}</code> : null}
        {visit > 1 ? <span class="step-visit">visit {visit}</span> : null}
        {walk ? <span class="step-runbook muted" title={walk.runbookId}>{walk.runbookTitle}</span> : null}
      </header>
      {found?.title ? <h2 class="step-title">{found.title}</h2> : null}
      {found?.description && found.type !== 'question' ? <p class="step-description">{found.description}</p> : null}
      {refusal ? <CommandNotice busy={false} error={refusal.error} /> : null}
      <p class="room-sr-only" aria-live="polite">{announcement(nodeType, found?.title ?? nodeId, walk !== undefined)}</p>
      <StepBody key={stepKey} onStale={report} />
      {walk && nodeId !== null && found && may.respond ? <FlagStep key={`flag:${stepKey}`} nodeId={nodeId} /> : null}
    </section>
  );
}

/** Said to screen readers when the step changes (by you or by someone else). */
function announcement(type: keyof typeof TYPE_LABEL | undefined, name: string | null, walking: boolean): string {
  if (!walking) return 'No runbook walk yet.';
  if (type === undefined || name === null) return '';
  return type === 'end' ? `The walk ended at ${name}.` : `Current step: ${TYPE_LABEL[type].toLowerCase()} ${name}.`;
}

function StepBody({ onStale }: { onStale: (error: unknown) => void }) {
  const { incident, runbook, runbookError } = useRoom();
  const walk = incident.walk;
  if (!walk) return <StartWalk />;
  const { current, ended } = walk.state;
  if (ended) return <EndStep ended={ended} {...(walk.handoff ? { handoff: walk.handoff } : {})} {...(runbook ? { runbook } : {})} />;
  if (current === null) return null;
  if (!runbook) return runbookError ? <ErrorNotice error={runbookError} /> : <p aria-busy="true">Loading the runbook…</p>;
  const node = Object.hasOwn(runbook.nodes, current) ? runbook.nodes[current] : undefined;
  if (!node) return <p class="notice notice-error" role="alert">The walk waits at <code>{current}</code>, which this runbook no longer has: the runbook changed since the walk started. Start the walk again.</p>;
  switch (node.type) {
    case 'check':
      return <CheckStep nodeId={current} node={node} onStale={onStale} />;
    case 'question':
      return <QuestionStep nodeId={current} node={node} onStale={onStale} />;
    case 'action':
      return <ActionStep nodeId={current} node={node} onStale={onStale} />;
    case 'end':
      return <p>The walk is at the end node <code>{current}</code>.</p>;
  }
}
