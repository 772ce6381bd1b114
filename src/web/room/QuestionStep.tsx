import type { QuestionNode } from '../api/apiTypes.js';
import { Markdown } from '../markdown/Markdown.js';
import { CommandNotice } from './CommandNotice.js';
import { nodeName } from './describeEntry.js';
import { useRoom } from './roomContext.js';
import type { StepProps } from './stepProps.js';
import { useCommand } from './useCommand.js';

/** A question: each answer is a button (its description under it), recorded as the walk's answer. */
export function QuestionStep({ nodeId, node, onStale }: StepProps<QuestionNode>) {
  const { runbook, may } = useRoom();
  const [answering, send] = useCommand(onStale);
  return (
    <>
      <p class="step-question">{node.question}</p>
      {node.description ? <Markdown class="step-description" source={node.description} /> : null}
      <ul class="answers" aria-label="Answers">
        {node.answers.map((answer, i) => {
          const describedBy = `answer-${nodeId}-${i}`;
          return (
            <li key={answer.label}>
              {may.respond ? (
                <button type="button" class="answer-button" aria-describedby={describedBy} disabled={answering.busy}
                  {...(i === 0 ? { 'data-autofocus': true } : {})}
                  onClick={() => void send({ type: 'answer', node: nodeId, label: answer.label })}>
                  {answer.label}
                </button>
              ) : (
                <span class="answer-label">{answer.label}</span>
              )}
              <span id={describedBy} class="answer-about">
                {answer.description ? <span class="answer-description">{answer.description}</span> : null}
                <span class="muted answer-next">→ {nodeName(answer.next, runbook)}</span>
              </span>
            </li>
          );
        })}
      </ul>
      {may.respond ? <CommandNotice {...answering} /> : <p class="muted viewer-note">A responder answers; the answer appears on the timeline.</p>}
    </>
  );
}
