import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiProblem, Runbook } from '../api/apiTypes.js';
import { canAct, useApp } from '../app/appContext.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Link } from '../components/Link.js';
import { NodeDetail } from '../runbook/NodeDetail.js';
import { ProblemList } from '../runbook/ProblemList.js';
import { RunbookFeedback } from '../runbook/RunbookFeedback.js';
import { problemCounts } from '../runbook/problemText.js';
import { RunbookTree } from '../runbook/LazyRunbookTree.js';
import { useRunbook } from '../runbook/useRunbook.js';
import '../runbook/catalog.css';

// Where the detail panel stops sitting beside the tree and goes below it (catalog.css agrees).
const STACKED = '(max-width: 900px)';

/** The node named by `?node=` in the address, so a link can point at a node. */
function nodeFromAddress(): string | undefined {
  return new URLSearchParams(location.search).get('node') ?? undefined;
}

/** One runbook: what it is, its inputs and sources, its problems, and its tree with the selected node beside it. */
export function RunbookPage({ runbookId }: { runbookId: string }) {
  const loaded = useRunbook(runbookId);
  const { user } = useApp();
  if (loaded.state === 'loading') return <main class="page"><p aria-busy="true">Loading runbook {runbookId}…</p></main>;
  if (loaded.state === 'failed') {
    return (
      <main class="page">
        <h1>Runbook {runbookId}</h1>
        <ErrorNotice error={loaded.error} />
        <p><Link href="/runbooks">All runbooks</Link></p>
      </main>
    );
  }
  const { runbook, file, problems } = loaded.value;
  return <RunbookView runbook={runbook} file={file} problems={problems} canOpen={canAct(user, 'responder')} />;
}

function RunbookView({ runbook, file, problems, canOpen }: { runbook: Runbook; file: string | undefined; problems: ApiProblem[] | undefined; canOpen: boolean }) {
  const [selected, setSelected] = useState(() => {
    const asked = nodeFromAddress();
    return asked !== undefined && Object.hasOwn(runbook.nodes, asked) ? asked : runbook.start;
  });
  const detail = useRef<HTMLDivElement>(null);
  const select = (id: string): void => {
    setSelected(id);
    const url = new URL(location.href);
    url.searchParams.set('node', id);
    history.replaceState(null, '', `${url.pathname}${url.search}${url.hash}`);
    // Stacked (a phone), the detail is below a tall tree: bring it into view.
    if (window.matchMedia(STACKED).matches) detail.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  useEffect(() => {
    if (location.hash === '#problems') document.getElementById('problems')?.scrollIntoView();
  }, []);

  const inputs = Object.entries(runbook.inputs ?? {});
  const sources = Object.entries(runbook.sources);
  const counts = problemCounts(problems ?? []);
  return (
    <main class="page runbook-page">
      <p class="breadcrumb"><Link href="/runbooks">Runbooks</Link> / <code>{runbook.id}</code></p>
      <div class="page-head">
        <h1>{runbook.title}</h1>
        {canOpen ? <Link href={`/incidents/new?runbook=${encodeURIComponent(runbook.id)}`} class="button primary">Open an incident with this runbook</Link> : null}
      </div>
      <div class="catalog-meta">
        <code>{runbook.id}</code>
        {runbook.tags && runbook.tags.length > 0 ? <span class="tags" aria-label="Tags">{runbook.tags.map((t) => <span class="tag" key={t}>{t}</span>)}</span> : null}
        {runbook.owners && runbook.owners.length > 0 ? <span>owned by {runbook.owners.join(', ')}</span> : null}
        {file !== undefined ? <code class="catalog-file">{file}</code> : null}
        <span>{Object.keys(runbook.nodes).length} nodes, starts at <code>{runbook.start}</code></span>
      </div>
      {runbook.summary !== undefined ? <p class="runbook-summary">{runbook.summary}</p> : null}

      {problems && problems.length > 0 ? (
        <section id="problems" class="runbook-problems" aria-label="Problems">
          <h2>Problems: {counts}</h2>
          <ProblemList problems={problems} label={`Problems of ${runbook.id}`} />
        </section>
      ) : null}

      <section class="runbook-explorer" aria-label="Tree and nodes">
        <div class="runbook-explorer-tree">
          <h2>Tree</h2>
          <p class="muted tree-hint">Select a node to read it; arrow keys move between nodes.</p>
          <RunbookTree runbook={runbook} selected={selected} onSelect={select} />
        </div>
        <div class="runbook-explorer-detail" ref={detail}>
          <p class="visually-hidden" aria-live="polite">Showing {runbook.nodes[selected]?.type ?? 'node'} {selected}</p>
          <NodeDetail runbook={runbook} nodeId={selected} onSelect={select} />
        </div>
      </section>

      <RunbookFeedback runbookId={runbook.id} onSelectNode={(node) => { if (Object.hasOwn(runbook.nodes, node)) select(node); }} />

      <div class="runbook-specs">
        <section aria-label="Inputs">
          <h2>Inputs</h2>
          {inputs.length === 0 ? <p class="muted">None.</p> : (
            <dl class="spec-list">
              {inputs.map(([name, spec]) => (
                <div key={name} class="spec">
                  <dt><code>{name}</code>{spec.default !== undefined ? <span class="muted"> default <code>{spec.default}</code></span> : <span class="muted"> required</span>}</dt>
                  <dd>
                    {spec.description !== undefined ? <span>{spec.description}</span> : null}
                    {spec.pattern !== undefined ? <span class="muted"> must match <code>{spec.pattern}</code></span> : null}
                    {spec.label !== undefined && spec.label !== name ? <span class="muted"> filled from the alert label <code>{spec.label}</code></span> : null}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        <section aria-label="Sources">
          <h2>Sources</h2>
          <dl class="spec-list">
            {sources.map(([name, spec]) => (
              <div key={name} class="spec">
                <dt><code>{name}</code> <span class="muted">{spec.type}</span></dt>
                <dd>
                  {spec.description !== undefined ? <span>{spec.description}</span> : null}
                  {spec.url !== undefined ? <span class="muted"> at <code>{spec.url}</code></span> : null}
                </dd>
              </div>
            ))}
          </dl>
        </section>
        {runbook.match && runbook.match.length > 0 ? (
          <section aria-label="Alerts">
            <h2>Suggested for alerts</h2>
            <ul class="match-list">
              {runbook.match.map((m, i) => (
                <li key={i}>{Object.entries(m.labels).map(([k, v]) => <code key={k}>{k}="{v}" </code>)}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </main>
  );
}
