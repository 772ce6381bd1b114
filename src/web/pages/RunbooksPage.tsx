import { useState } from 'preact/hooks';
import type { RejectedRunbook, RunbookSummary } from '../api/apiTypes.js';
import { canAct, useApp } from '../app/appContext.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Link } from '../components/Link.js';
import { filterRunbooks } from '../runbook/filterRunbooks.js';
import { ProblemList } from '../runbook/ProblemList.js';
import { problemCounts } from '../runbook/problemText.js';
import { useApiGet } from '../runbook/useApiGet.js';
import '../runbook/catalog.css';

/** GET /api/runbooks; `rejected` and each runbook's `problems` are absent from servers that do not report them. */
interface CatalogAnswer {
  runbooks: RunbookSummary[];
  rejected?: RejectedRunbook[];
}

/** The runbook catalog: every runbook the server offers, searchable, and the files it left out and why. */
export function RunbooksPage() {
  const catalog = useApiGet<CatalogAnswer>('/api/runbooks');
  const { user } = useApp();
  const [search, setSearch] = useState('');
  const runbooks = catalog.state === 'loaded' ? catalog.value.runbooks : [];
  const rejected = catalog.state === 'loaded' ? catalog.value.rejected ?? [] : [];
  const shown = filterRunbooks(runbooks, search);
  return (
    <main class="page catalog-page">
      <div class="page-head">
        <h1>Runbooks</h1>
        {catalog.state === 'loaded' ? <span class="muted">{runbooks.length} {runbooks.length === 1 ? 'runbook' : 'runbooks'}{rejected.length > 0 ? `, ${rejected.length} left out` : ''}</span> : null}
      </div>
      {catalog.state === 'failed' ? <ErrorNotice error={catalog.error} /> : null}
      {catalog.state === 'loading' ? <p aria-busy="true">Loading runbooks…</p> : null}
      {catalog.state === 'loaded' ? (
        <>
          <div class="catalog-search">
            <label for="runbook-catalog-search">Search runbooks</label>
            <input id="runbook-catalog-search" type="search" value={search} placeholder="title, id or tag: 5xx, kafka, latency…"
              onInput={(e) => { setSearch(e.currentTarget.value); }} />
          </div>
          <p class="visually-hidden" aria-live="polite">{search.trim() === '' ? '' : `${shown.length} of ${runbooks.length} runbooks match`}</p>
          {runbooks.length === 0 ? <p class="muted">This server offers no runbooks. Put runbook YAML files in its runbooks folder; <code>runpath validate</code> checks them.</p> : null}
          {runbooks.length > 0 && shown.length === 0 ? <p class="muted">No runbook matches “{search}”.</p> : null}
          <ul class="catalog" aria-label="Runbooks">
            {shown.map((r) => <CatalogCard key={r.id} runbook={r} canOpen={canAct(user, 'responder')} />)}
          </ul>
          {rejected.length > 0 ? <Rejected files={rejected} /> : null}
        </>
      ) : null}
    </main>
  );
}

function CatalogCard({ runbook, canOpen }: { runbook: RunbookSummary; canOpen: boolean }) {
  const href = `/runbooks/${encodeURIComponent(runbook.id)}`;
  const counts = problemCounts(runbook.problems ?? []);
  return (
    <li class="catalog-card" data-runbook={runbook.id}>
      <div class="catalog-card-head">
        <Link href={href} class="catalog-title">{runbook.title}</Link>
        <code class="muted">{runbook.id}</code>
        {counts !== '' ? <Link href={`${href}#problems`} class="badge problem-count" title="validation problems of this runbook">{counts}</Link> : null}
      </div>
      {runbook.summary !== undefined ? <p class="catalog-summary">{runbook.summary}</p> : null}
      <div class="catalog-meta">
        {runbook.tags && runbook.tags.length > 0 ? <span class="tags" aria-label="Tags">{runbook.tags.map((t) => <span class="tag" key={t}>{t}</span>)}</span> : null}
        {runbook.owners && runbook.owners.length > 0 ? <span>owned by {runbook.owners.join(', ')}</span> : null}
        {runbook.file !== undefined ? <code class="catalog-file">{runbook.file}</code> : null}
      </div>
      <div class="catalog-actions">
        <Link href={href} class="button">View the tree</Link>
        {canOpen ? <Link href={`/incidents/new?runbook=${encodeURIComponent(runbook.id)}`} class="button">Open an incident with this runbook</Link> : null}
      </div>
    </li>
  );
}

/** Files the server left out: an author sees why a runbook is not offered. */
function Rejected({ files }: { files: readonly RejectedRunbook[] }) {
  return (
    <section class="rejected" aria-label="Runbooks left out">
      <h2>Left out: {files.length} {files.length === 1 ? 'file' : 'files'} with errors</h2>
      <p class="muted">The server does not offer these. Fix the problems (<code>runpath validate</code> prints the same) and restart the server.</p>
      {files.map((f) => (
        <article key={f.file} class="rejected-file" data-file={f.file}>
          <h3><code>{f.file}</code>{f.id !== undefined ? <span class="muted"> (id {f.id})</span> : null} <span class="problem-count-text">{problemCounts(f.problems)}</span></h3>
          <ProblemList problems={f.problems} label={`Problems of ${f.file}`} />
        </article>
      ))}
    </section>
  );
}
