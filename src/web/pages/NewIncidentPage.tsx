import { useEffect, useMemo, useState } from 'preact/hooks';
import { apiRequest, newIdempotencyKey } from '../api/apiRequest.js';
import type { Incident, RunbookSummary, Severity } from '../api/apiTypes.js';
import { navigate } from '../app/router.js';
import { ErrorNotice } from '../components/ErrorNotice.js';

const SEVERITIES: { value: Severity; label: string }[] = [
  { value: 'sev1', label: 'SEV1: critical, customers down' },
  { value: 'sev2', label: 'SEV2: major, degraded for many' },
  { value: 'sev3', label: 'SEV3: minor, degraded for some' },
  { value: 'sev4', label: 'SEV4: low, no customer impact yet' },
];

/** Runbooks whose title, id, summary or tags contain every word of the search. */
export function searchRunbooks(runbooks: readonly RunbookSummary[], query: string): RunbookSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...runbooks];
  return runbooks.filter((r) => {
    const text = [r.title, r.id, r.summary ?? '', ...(r.tags ?? [])].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Open an incident: title, severity, and the runbook to walk with its inputs. */
export function NewIncidentPage({ runbook: preselected }: { runbook?: string }) {
  const [runbooks, setRunbooks] = useState<RunbookSummary[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('sev2');
  const [search, setSearch] = useState('');
  const [runbookId, setRunbookId] = useState(preselected ?? '');
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // One key per intent: a retry of the same submission (a timeout, a double click) opens one incident.
  const [key, setKey] = useState(newIdempotencyKey);

  useEffect(() => {
    apiRequest<{ runbooks: RunbookSummary[] }>('GET', '/api/runbooks')
      .then((answer) => {
        setRunbooks(answer.runbooks);
      })
      .catch(setLoadError);
  }, []);

  const chosen = runbooks?.find((r) => r.id === runbookId);
  const matches = useMemo(() => searchRunbooks(runbooks ?? [], search), [runbooks, search]);
  const changed = (): void => {
    setKey(newIdempotencyKey());
  };

  const submit = (event: Event): void => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const body: Record<string, unknown> = { title: title.trim(), severity };
    if (chosen) {
      body.runbook = chosen.id;
      const given = Object.fromEntries(Object.entries(inputs).filter(([name, value]) => value !== '' && Object.hasOwn(chosen.inputs, name)));
      if (Object.keys(given).length > 0) body.inputs = given;
    }
    apiRequest<Incident>('POST', '/api/incidents', { body, idempotencyKey: key })
      .then((incident) => {
        navigate(`/incidents/${encodeURIComponent(incident.id)}`);
      })
      .catch((err: unknown) => {
        setError(err);
        setBusy(false);
      });
  };

  return (
    <main class="page narrow">
      <h1>Open an incident</h1>
      <form class="stack" onSubmit={submit}>
        <label for="incident-title">Title</label>
        <input id="incident-title" required maxLength={200} value={title} autoFocus placeholder="Checkout returns 5xx"
          onInput={(e) => { setTitle(e.currentTarget.value); changed(); }} />

        <label for="incident-severity">Severity</label>
        <select id="incident-severity" value={severity} onChange={(e) => { setSeverity(e.currentTarget.value as Severity); changed(); }}>
          {SEVERITIES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
        </select>

        <fieldset>
          <legend>Runbook to walk</legend>
          <ErrorNotice error={loadError} />
          <label for="runbook-search">Search by title or tag</label>
          <input id="runbook-search" type="search" value={search} placeholder="5xx, latency, kafka…" onInput={(e) => { setSearch(e.currentTarget.value); }} />
          <div class="runbook-choices" role="radiogroup" aria-label="Runbooks">
            <label class="choice">
              <input type="radio" name="runbook" value="" checked={runbookId === ''} onChange={() => { setRunbookId(''); changed(); }} />
              <span>No runbook for now</span>
            </label>
            {matches.map((r) => (
              <label class="choice" key={r.id}>
                <input type="radio" name="runbook" value={r.id} checked={runbookId === r.id} onChange={() => { setRunbookId(r.id); setInputs({}); changed(); }} />
                <span>
                  <strong>{r.title}</strong> <code class="muted">{r.id}</code>
                  {r.summary ? <span class="choice-summary">{r.summary}</span> : null}
                  {r.tags ? <span class="tags">{r.tags.map((t) => <span class="tag" key={t}>{t}</span>)}</span> : null}
                </span>
              </label>
            ))}
            {runbooks && matches.length === 0 ? <p class="muted">No runbook matches “{search}”.</p> : null}
          </div>
        </fieldset>

        {chosen && Object.keys(chosen.inputs).length > 0 ? (
          <fieldset>
            <legend>Inputs of {chosen.title}</legend>
            {Object.entries(chosen.inputs).map(([name, spec]) => (
              <div class="field" key={name}>
                <label for={`input-${name}`}>{name}</label>
                <input id={`input-${name}`} value={inputs[name] ?? ''} placeholder={spec.default ?? ''} maxLength={1024}
                  {...(spec.pattern ? { pattern: spec.pattern, title: `must match ${spec.pattern}` } : {})}
                  required={spec.default === undefined}
                  onInput={(e) => { setInputs({ ...inputs, [name]: e.currentTarget.value }); changed(); }} />
                {spec.description ? <small class="muted">{spec.description}{spec.default !== undefined ? ` (default ${spec.default})` : ''}</small> : null}
              </div>
            ))}
          </fieldset>
        ) : null}

        <ErrorNotice error={error} />
        <button type="submit" class="primary" disabled={busy || title.trim() === ''}>{busy ? 'Opening…' : 'Open incident'}</button>
      </form>
    </main>
  );
}
