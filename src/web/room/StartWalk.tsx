import { useEffect, useState } from 'preact/hooks';
import { apiRequest } from '../api/apiRequest.js';
import type { RunbookSummary } from '../api/apiTypes.js';
import { matchRunbook } from '../../incidents/alerts/matchRunbook.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { CommandNotice } from './CommandNotice.js';
import { useRoom } from './roomContext.js';
import { useCommand } from './useCommand.js';

/** No walk (or the last one ended): pick a runbook, fill its inputs, start walking it. */
export function StartWalk() {
  const { incident, may, alertLabels } = useRoom();
  const [runbooks, setRunbooks] = useState<RunbookSummary[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const [chosenId, setChosenId] = useState(incident.walk?.runbookId ?? incident.runbook?.id ?? '');
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [starting, send] = useCommand();

  useEffect(() => {
    apiRequest<{ runbooks: RunbookSummary[] }>('GET', '/api/runbooks')
      .then((answer) => {
        setRunbooks(answer.runbooks);
        const suggested = alertLabels ? matchRunbook(answer.runbooks, alertLabels)?.runbook.id : undefined;
        setChosenId((id) => (answer.runbooks.some((r) => r.id === id) ? id : suggested ?? answer.runbooks[0]?.id ?? ''));
      })
      .catch(setLoadError);
  }, []);

  if (!may.respond) return <p class="muted viewer-note">No runbook is being walked. A responder starts one.</p>;
  const chosen = runbooks?.find((r) => r.id === chosenId);
  const suggestion = runbooks && alertLabels ? matchRunbook(runbooks, alertLabels) : undefined;
  const start = (event: Event): void => {
    event.preventDefault();
    if (!chosen) return;
    const given = Object.fromEntries(Object.entries(inputs).filter(([name, value]) => value.trim() !== '' && Object.hasOwn(chosen.inputs, name)));
    void send({ type: 'start', runbook: chosen.id, ...(Object.keys(given).length > 0 ? { inputs: given } : {}) });
  };
  return (
    <form class="start-walk stack" onSubmit={start}>
      <ErrorNotice error={loadError} />
      <label for="start-runbook">Runbook</label>
      <select id="start-runbook" value={chosenId} disabled={!runbooks} onChange={(e) => { setChosenId(e.currentTarget.value); setInputs({}); }}>
        {runbooks === undefined ? <option value="">Loading runbooks…</option> : null}
        {runbooks?.map((r) => <option key={r.id} value={r.id}>{r.title} ({r.id})</option>)}
      </select>
      {suggestion ? (
        <p class="suggestion">
          Suggested by the alert's labels: <strong>{suggestion.runbook.title}</strong>{' '}
          (<code>{Object.entries(suggestion.entry.labels).map(([k, v]) => `${k}=${v}`).join(', ')}</code>)
          {suggestion.runbook.id !== chosenId ? <> <button type="button" class="link-button" onClick={() => { setChosenId(suggestion.runbook.id); setInputs({}); }}>Use it</button></> : null}
        </p>
      ) : null}
      {chosen?.summary ? <p class="muted">{chosen.summary}</p> : null}
      {chosen
        ? Object.entries(chosen.inputs).map(([name, spec]) => (
          <div class="field" key={name}>
            <label for={`start-input-${name}`}>{name}</label>
            <input id={`start-input-${name}`} value={inputs[name] ?? ''} placeholder={spec.default ?? ''} maxLength={1024}
              required={spec.default === undefined}
              {...(spec.pattern ? { pattern: spec.pattern, title: `must match ${spec.pattern}` } : {})}
              onInput={(e) => { setInputs({ ...inputs, [name]: e.currentTarget.value }); }} />
            {spec.description ? <small class="muted">{spec.description}{spec.default !== undefined ? ` (default ${spec.default})` : ''}</small> : null}
          </div>
        ))
        : null}
      <button type="submit" class="primary" data-autofocus disabled={!chosen || starting.busy}>Start runbook</button>
      <CommandNotice {...starting} />
    </form>
  );
}
