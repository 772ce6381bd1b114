import { useState } from 'preact/hooks';
import type { Runbook } from '../api/apiTypes.js';
import type { WalkEnd } from '../../engine/walkState.js';
import { allowedStatusMoves } from '../../incidents/incidentStatus.js';
import { CommandNotice } from './CommandNotice.js';
import { nodeName } from './describeEntry.js';
import { OUTCOME_TEXT, suggestedStatus } from './outcomeStatus.js';
import { useRoom } from './roomContext.js';
import { StartWalk } from './StartWalk.js';
import { useCommand } from './useCommand.js';

/** The walk ended: its outcome, who to page next, and what to do now (the status, another runbook). */
export function EndStep({ ended, handoff, runbook }: { ended: WalkEnd; handoff?: string; runbook?: Runbook }) {
  const { incident, may } = useRoom();
  const [setting, send] = useCommand();
  const [another, setAnother] = useState(false);
  const found = ended.node !== null && runbook && Object.hasOwn(runbook.nodes, ended.node) ? runbook.nodes[ended.node] : undefined;
  const end = found?.type === 'end' ? found : undefined;
  const suggested = suggestedStatus(ended.outcome);
  const canMove = suggested !== undefined && allowedStatusMoves(incident.status).includes(suggested);
  const page = handoff ?? end?.handoff;
  return (
    <>
      <p class={`walk-outcome outcome-${ended.outcome}`}>
        <span class="badge">Outcome: {OUTCOME_TEXT[ended.outcome]}</span>
      </p>
      {ended.by === 'max_visits' ? (
        <p>
          The walk stopped: {ended.node === null ? 'its path grew too long' : <><code>{nodeName(ended.node, runbook)}</code> was entered as often as its <code>max_visits</code> allows</>}.
          The loop did not settle; decide by hand from the timeline.
        </p>
      ) : null}
      {end?.summary ? <p class="end-summary">{end.summary}</p> : null}
      {page ? <p class="handoff">Page <strong>{page}</strong> next.</p> : null}

      <h3 class="step-subhead">What next</h3>
      <ul class="next-steps">
        {suggested === undefined ? <li>Keep the incident open and hand it over{page ? ` to ${page}` : ''}.</li> : null}
        {suggested !== undefined && canMove ? (
          <li>
            {may.command ? (
              <button type="button" class="primary" data-autofocus disabled={setting.busy} onClick={() => void send({ type: 'status', to: suggested })}>
                Set the status to {suggested}
              </button>
            ) : (
              <>A commander sets the status to <strong>{suggested}</strong>.</>
            )}
          </li>
        ) : null}
        {suggested !== undefined && !canMove ? <li>The status is already {incident.status}.</li> : null}
        <li>Write down what you learned as a note: it goes into the postmortem.</li>
      </ul>
      <CommandNotice {...setting} />
      {may.respond ? (
        another ? <StartWalk /> : <button type="button" onClick={() => { setAnother(true); }}>Start another runbook</button>
      ) : null}
    </>
  );
}
