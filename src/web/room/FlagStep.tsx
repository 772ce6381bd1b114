import { useState } from 'preact/hooks';
import { FEEDBACK_KINDS, type FeedbackKind } from '../../incidents/feedbackKind.js';
import { CommandNotice } from './CommandNotice.js';
import { useCommand } from './useCommand.js';

const KIND_LABEL: Record<FeedbackKind, string> = {
  wrong_branch: 'Wrong branch',
  missing_step: 'Missing step',
  other: 'Other',
};

/**
 * "Flag this step": tells the runbook's owners that this node sent the walk the wrong way or lacks
 * a step. Recorded on the timeline (runbook.feedback) and listed on the runbook's page.
 */
export function FlagStep({ nodeId }: { nodeId: string }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<FeedbackKind>('wrong_branch');
  const [text, setText] = useState('');
  const [sending, send] = useCommand();
  if (!open) {
    return <button type="button" class="link-button flag-step" onClick={() => { setOpen(true); }}>Flag this step</button>;
  }
  return (
    <form class="flag-step-form" aria-label="Flag this step" onSubmit={(event) => {
      event.preventDefault();
      const said = text.trim();
      if (said === '') return;
      void send({ type: 'feedback', node: nodeId, kind, text: said }).then((result) => {
        if (!result) return;
        setText('');
        setOpen(false);
      });
    }}>
      <fieldset>
        <legend>Flag <code>{nodeId}</code> for the runbook's owners</legend>
        {FEEDBACK_KINDS.map((k) => (
          <label key={k} class="choice">
            <input type="radio" name={`flag-kind-${nodeId}`} value={k} checked={kind === k} onChange={() => { setKind(k); }} />
            <span>{KIND_LABEL[k]}</span>
          </label>
        ))}
        <label for={`flag-text-${nodeId}`}>What was wrong</label>
        <textarea id={`flag-text-${nodeId}`} required maxLength={10000} value={text} onInput={(e) => { setText(e.currentTarget.value); }}
          placeholder="e.g. the 5xx ratio was high but the deploy was not the cause" />
        <div class="form-actions">
          <button type="submit" disabled={sending.busy || text.trim() === ''}>Send flag</button>
          <button type="button" class="link-button" onClick={() => { setOpen(false); }}>Cancel</button>
        </div>
      </fieldset>
      <CommandNotice {...sending} />
    </form>
  );
}
